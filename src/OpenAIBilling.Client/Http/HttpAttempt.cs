using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// One attempt at one URI: a throttle slot held while it is on the wire, its own timeout, the key and
    /// organization headers, the body (<see cref="ResponseBody"/>), and the request log. Timeouts and broken
    /// connections come out as <see cref="TransientTransportException"/> for the retry loop to judge; failures no
    /// retry can cure (<see cref="TransportFailure"/>) as their own error.
    /// </summary>
    internal static class HttpAttempt
    {
        private static readonly HashSet<string> HiddenHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "set-cookie", "cookie", "authorization", "proxy-authorization", "www-authenticate", "proxy-authenticate",
        };

        public static async Task<ApiResponse> SendAsync(BillingCall call, Uri uri, bool sendKey, int attempt)
        {
            var settings = call.Settings;
            var userToken = settings.CancellationToken;
            TrustStoreWarmUp.StartFor(uri);
            using (await settings.Throttle.EnterAsync(uri, userToken).ConfigureAwait(false))
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(userToken))
            using (var request = new HttpRequestMessage(HttpMethod.Get, uri) { Version = RequestVersion.Preferred })
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSec));
                if (sendKey)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.Key.Secret);
                    AddOptional(request, "OpenAI-Organization", HeaderValue.Checked(settings.Organization, "The organization"));
                    AddOptional(request, "OpenAI-Project", HeaderValue.Checked(settings.Project, "The project"));
                }

                var stopwatch = Stopwatch.StartNew();
                try
                {
                    var client = settings.Client ?? SharedHttpClients.For(settings.Proxy);
                    using (var message = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        settings.Throttle.Observe(uri, message.Version, (int)message.StatusCode);
                        var headers = CollectHeaders(message);
                        var body = await ResponseBody.ReadAsync(call, uri, message, timeout.Token).ConfigureAwait(false);
                        var response = new ApiResponse((int)message.StatusCode, body, headers, uri);
                        if (settings.Log.WantsVerbose)
                        {
                            settings.Log.Verbose($"GET {Describe(call, uri)} (attempt {attempt}) -> {response.StatusCode} in {stopwatch.ElapsedMilliseconds} ms.");
                        }

                        if (settings.Log.WantsDebug)
                        {
                            settings.Log.Debug("Response headers: " + DescribeHeaders(call, headers));
                        }
                        return response;
                    }
                }
                catch (Exception ex) when (IsTransportFailure(ex) && !userToken.IsCancellationRequested)
                {
                    if (timeout.IsCancellationRequested)
                    {
                        settings.Log.Verbose($"GET {Describe(call, uri)} (attempt {attempt}) timed out after {stopwatch.ElapsedMilliseconds} ms.");
                        throw new TransientTransportException(new BillingException(BillingErrorId.Timeout,
                            $"{call.Host.Display} did not answer within {settings.TimeoutSec} s.",
                            Advice.Of(AdviceKind.TooSlow)));
                    }

                    var failure = TransportFailure.Describe(call, uri, ex, out bool retryable);
                    settings.Log.Verbose($"GET {Describe(call, uri)} (attempt {attempt}) failed after {stopwatch.ElapsedMilliseconds} ms: {failure.Message}");
                    throw retryable ? new TransientTransportException(failure) : (Exception)failure;
                }
                catch (Exception ex) when (IsTransportFailure(ex) && !(ex is OperationCanceledException))
                {
                    // The caller cancelled (Ctrl+C, or another request of the same answer failed for good): whatever the
                    // connection threw as it was torn down is that cancellation, not a failure of its own.
                    throw new OperationCanceledException("The request was cancelled.", ex, userToken);
                }
            }
        }

        private static bool IsTransportFailure(Exception ex) =>
            ex is OperationCanceledException || ex is HttpRequestException || ex is IOException || ex is ObjectDisposedException || ex is InvalidDataException;

        private static void AddOptional(HttpRequestMessage request, string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        private static Dictionary<string, string> CollectHeaders(HttpResponseMessage message)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in message.Headers)
            {
                headers[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value);
            }

            foreach (var header in message.Content.Headers)
            {
                headers[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value);
            }

            return headers;
        }

        private static string DescribeHeaders(BillingCall call, IReadOnlyDictionary<string, string> headers)
        {
            var parts = new List<string>();
            foreach (var header in headers)
            {
                if (!HiddenHeaders.Contains(header.Key))
                {
                    parts.Add(header.Key + ": " + header.Value);
                }
            }

            return SecretRedactor.Redact(string.Join("; ", parts), call.Key);
        }

        internal static string Describe(BillingCall call, Uri uri) => SecretRedactor.Redact(uri, call.Key);
    }
}
