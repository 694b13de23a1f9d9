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
    /// Sends one GET with everything spec §2.7–§2.8 asks of it: the plain-HTTP guard, the throttle, a timeout per
    /// attempt, retries with their delays, redirects followed by hand, the 64 MB body limit, and the request log.
    /// It returns the final answer whatever its status; <see cref="ResponseErrors"/> decides what a status means.
    /// </summary>
    public static class BillingTransport
    {
        public const long MaximumBodyBytes = 64L * 1024 * 1024;
        private const int MaximumRedirects = 5;
        private static readonly HashSet<string> HiddenHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "set-cookie", "cookie", "authorization", "proxy-authorization", "www-authenticate", "proxy-authenticate",
        };

        public static async Task<ApiResponse> GetAsync(BillingCall call, string pathAndQuery)
        {
            var settings = call.Settings;
            var uri = call.Host.Resolve(pathAndQuery);
            EnsureEncryptedOrAllowed(call, uri);

            var policy = new RetryPolicy(settings.MaximumRetryCount, settings.RetryIntervalSec);
            for (int retries = 0; ; retries++)
            {
                settings.CancellationToken.ThrowIfCancellationRequested();
                ApiResponse? response = null;
                BillingException? failure = null;
                try
                {
                    response = await FollowRedirectsAsync(call, uri, retries + 1).ConfigureAwait(false);
                }
                catch (TransientTransportException ex)
                {
                    failure = ex.Failure;
                }

                TimeSpan? delay = null;
                if (response != null)
                {
                    if (!RetryPolicy.IsRetryableStatus(response))
                    {
                        return response;
                    }

                    delay = RetryPolicy.RequestedDelay(response, DateTimeOffset.UtcNow);
                    if (delay > RetryPolicy.MaximumRequestedDelay)
                    {
                        throw ResponseErrors.TooLongRequestedDelay(call, response, delay.Value);
                    }

                    if (!policy.CanRetry(retries))
                    {
                        return response;
                    }
                }
                else if (!policy.CanRetry(retries))
                {
                    throw failure!;
                }

                delay ??= policy.Backoff(retries + 1);
                settings.Log.Verbose($"Retrying GET {Describe(call, uri)} in {delay.Value.TotalMilliseconds:0} ms (retry {retries + 1} of {settings.MaximumRetryCount}).");
                await Task.Delay(delay.Value, settings.CancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task<ApiResponse> FollowRedirectsAsync(BillingCall call, Uri uri, int attempt)
        {
            bool sendKey = true;
            for (int hop = 0; ; hop++)
            {
                var response = await SendOnceAsync(call, uri, sendKey, attempt).ConfigureAwait(false);
                string? location = response.Header("location");
                if (!IsRedirect(response.StatusCode) || location == null)
                {
                    return response;
                }

                if (hop >= MaximumRedirects)
                {
                    throw new BillingException(BillingErrorId.InvalidResponse,
                            $"The server at {call.Host.Display} redirected more than {MaximumRedirects} times.",
                            "Check -BaseUri: it should be the API's own address, not one that redirects.")
                        .WithResponse(response.StatusCode, null, null, response.RequestId);
                }

                var target = new Uri(uri, location);
                if (uri.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps)
                {
                    throw new BillingException(BillingErrorId.UnencryptedAuthentication,
                            $"The server at {call.Host.Display} redirected from https to {target.Scheme}; the redirect was refused.",
                            "Use the API's https address as -BaseUri.")
                        .WithResponse(response.StatusCode, null, null, response.RequestId);
                }

                if (!SameOrigin(uri, target))
                {
                    sendKey = false;
                }

                if (sendKey)
                {
                    EnsureEncryptedOrAllowed(call, target);
                }

                call.Settings.Log.Verbose($"Following redirect {response.StatusCode} to {target.GetLeftPart(UriPartial.Path)}{(sendKey ? string.Empty : " without the key (another origin)")}.");
                uri = target;
            }
        }

        private static async Task<ApiResponse> SendOnceAsync(BillingCall call, Uri uri, bool sendKey, int attempt)
        {
            var settings = call.Settings;
            var userToken = settings.CancellationToken;
            using (await settings.Throttle.EnterAsync(userToken).ConfigureAwait(false))
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(userToken))
            using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
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

        private static void EnsureEncryptedOrAllowed(BillingCall call, Uri uri)
        {
            bool loopback = uri.IsLoopback;
            if (uri.Scheme == Uri.UriSchemeHttp && !loopback && !call.Settings.AllowUnencryptedAuthentication)
            {
                throw new BillingException(BillingErrorId.UnencryptedAuthentication,
                    $"{uri.GetLeftPart(UriPartial.Authority)} uses plain http, which would send the key unencrypted; nothing was sent.",
                    "Use an https base URI, or add -AllowUnencryptedAuthentication if you accept sending the key in clear text.");
            }
        }

        private static bool IsTransportFailure(Exception ex) =>
            ex is OperationCanceledException || ex is HttpRequestException || ex is IOException || ex is ObjectDisposedException;

        private static bool IsRedirect(int status) => status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;

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

        private static string Describe(BillingCall call, Uri uri) => SecretRedactor.Redact(uri.AbsoluteUri, call.Key);

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        /// <summary>A failure that another attempt may cure: a timeout, a refused or reset connection.</summary>
        private sealed class TransientTransportException : Exception
        {
            public TransientTransportException(BillingException failure) : base(failure.Message) => Failure = failure;

            public BillingException Failure { get; }
        }
    }
}
