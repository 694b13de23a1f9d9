using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// One attempt at one URI: a throttle slot held while it is on the wire, its own timeout, the key and
    /// organization headers, a body read up to 64 MB, and the request log. Timeouts and broken connections come out
    /// as <see cref="TransientTransportException"/> for the retry loop to judge.
    /// </summary>
    internal static class HttpAttempt
    {
        public const long MaximumBodyBytes = 64L * 1024 * 1024;
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
                    AddOptional(request, "OpenAI-Organization", settings.Organization);
                    AddOptional(request, "OpenAI-Project", settings.Project);
                }

                var stopwatch = Stopwatch.StartNew();
                try
                {
                    var client = settings.Client ?? SharedHttpClients.For(settings.Proxy);
                    using (var message = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        settings.Throttle.Observe(uri, message.Version, (int)message.StatusCode);
                        var headers = CollectHeaders(message);
                        byte[] body = await ReadBodyAsync(call, uri, message, timeout.Token).ConfigureAwait(false);
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
                            "Try again later, or raise -TimeoutSec if the server is known to be slow."));
                    }

                    string reason = SecretRedactor.Redact(Innermost(ex).Message, call.Key);
                    settings.Log.Verbose($"GET {Describe(call, uri)} (attempt {attempt}) failed after {stopwatch.ElapsedMilliseconds} ms: {reason}");
                    throw new TransientTransportException(new BillingException(BillingErrorId.ConnectionFailed,
                        $"Could not reach {call.Host.Display}: {reason}",
                        "Check the address, your network and any proxy (-Proxy, HTTPS_PROXY); then try again."));
                }
            }
        }

        private static async Task<byte[]> ReadBodyAsync(BillingCall call, Uri uri, HttpResponseMessage message, CancellationToken cancellationToken)
        {
            long? declared = message.Content.Headers.ContentLength;
            if (declared > MaximumBodyBytes)
            {
                throw TooLarge(call, uri, (int)message.StatusCode);
            }

            using (var stream = await message.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (cancellationToken.Register(() => stream.Dispose()))
            {
                var buffer = new MemoryStream(declared.HasValue ? (int)declared.Value : 16 * 1024);
                var chunk = new byte[81920];
                int read;
                try
                {
                    while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        if (buffer.Length + read > MaximumBodyBytes)
                        {
                            throw TooLarge(call, uri, (int)message.StatusCode);
                        }

                        buffer.Write(chunk, 0, read);
                    }
                }
                catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (IOException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                return buffer.ToArray();
            }
        }

        private static BillingException TooLarge(BillingCall call, Uri uri, int status) =>
            new BillingException(BillingErrorId.InvalidResponse,
                    $"The answer from {uri.GetLeftPart(UriPartial.Path)} is larger than {MaximumBodyBytes / (1024 * 1024)} MB; it was refused.",
                    $"Check -BaseUri ({call.Host.Display}) points at an OpenAI-compatible API.")
                .WithResponse(status, null, null, null);

        private static bool IsTransportFailure(Exception ex) =>
            ex is OperationCanceledException || ex is HttpRequestException || ex is IOException || ex is ObjectDisposedException;

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

        internal static string Describe(BillingCall call, Uri uri) => SecretRedactor.Redact(uri.AbsoluteUri, call.Key);

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }
    }
}
