using System;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Redaction;
using OpenAIBilling.Responses;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// Sends one GET with everything docs/DESIGN.md (Security, HTTP behaviour) asks of it: the plain-HTTP guard, retries with their delays and
    /// redirects followed by hand; each attempt is an <see cref="HttpAttempt"/>. Each answer is classified once by
    /// <see cref="ResponseClassifier"/>, which says whether it is tried again; the final answer's verdict is returned
    /// whatever its status.
    /// </summary>
    internal static class BillingTransport
    {
        private const int MaximumRedirects = 5;
        public static async Task<ResponseVerdict> GetAsync(BillingCall call, Endpoint endpoint, string pathAndQuery)
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
                    response.Attempts = retries + 1;
                    var verdict = ResponseClassifier.Classify(call, response, endpoint);
                    if (!verdict.IsRetried)
                    {
                        return verdict;
                    }

                    delay = RetryPolicy.RequestedDelay(response, DateTimeOffset.UtcNow);
                    if (delay > RetryPolicy.MaximumRequestedDelay)
                    {
                        throw ResponseErrors.TooLongRequestedDelay(call, response, delay.Value);
                    }

                    if (!policy.CanRetry(retries))
                    {
                        return verdict;
                    }
                }
                else if (!policy.CanRetry(retries))
                {
                    throw failure!;
                }

                delay ??= policy.Backoff(retries + 1);
                settings.Log.Verbose($"Retrying GET {HttpAttempt.Describe(call, uri)} in {delay.Value.TotalMilliseconds:0} ms (retry {retries + 1} of {settings.MaximumRetryCount}).");
                await Task.Delay(delay.Value, settings.CancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task<ApiResponse> FollowRedirectsAsync(BillingCall call, Uri uri, int attempt)
        {
            bool sendKey = true;
            for (int hop = 0; ; hop++)
            {
                var response = await HttpAttempt.SendAsync(call, uri, sendKey, attempt).ConfigureAwait(false);
                string? location = response.Header("location");
                if (!IsRedirect(response.StatusCode) || location == null)
                {
                    return response;
                }

                if (hop >= MaximumRedirects)
                {
                    throw new BillingException(BillingErrorId.InvalidResponse,
                            $"The server at {call.Host.Display} redirected more than {MaximumRedirects} times.",
                            Advice.Of(AdviceKind.TooManyRedirects))
                        .WithResponse(response.StatusCode, null, null, response.RequestId);
                }

                var target = RedirectTarget(call, uri, location, response);
                if (uri.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps)
                {
                    throw new BillingException(BillingErrorId.UnencryptedAuthentication,
                            $"The server at {call.Host.Display} redirected from https to {target.Scheme}; the redirect was refused.",
                            Advice.Of(AdviceKind.RedirectToPlainHttp))
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

                call.Settings.Log.Verbose($"Following redirect {response.StatusCode} to {SecretRedactor.Redact(target.GetLeftPart(UriPartial.Path), call.Key)}{(sendKey ? string.Empty : " without the key (another origin)")}.");
                uri = target;
            }
        }

        /// <summary>
        /// Where a redirect points, relative to the request; user-info in it is dropped (never sent, never shown). A
        /// Location that is not a URI, or one that leaves http(s) (<c>file:</c>, <c>ftp:</c>, <c>data:</c>), is
        /// <c>InvalidResponse</c>: following it cannot work, and no retry changes that.
        /// </summary>
        private static Uri RedirectTarget(BillingCall call, Uri from, string location, ApiResponse response)
        {
            if (!Uri.TryCreate(from, location.Trim(), out var target) || !target.IsAbsoluteUri)
            {
                throw new BillingException(BillingErrorId.InvalidResponse,
                        $"The server at {call.Host.Display} answered HTTP {response.StatusCode} with a Location that is not a URI ('{Shown(call, location)}').",
                        Advice.Of(AdviceKind.RedirectNotAUri))
                    .WithResponse(response.StatusCode, null, null, response.RequestId);
            }

            if (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
            {
                throw new BillingException(BillingErrorId.InvalidResponse,
                        $"The server at {call.Host.Display} redirected to a {Shown(call, target.Scheme)}: address, which is not an HTTP API; the redirect was refused.",
                        Advice.Of(AdviceKind.RedirectLeavesHttp))
                    .WithResponse(response.StatusCode, null, null, response.RequestId);
            }

            return string.IsNullOrEmpty(target.UserInfo) ? target : new UriBuilder(target) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        private static string Shown(BillingCall call, string serverText) =>
            SecretRedactor.Redact(serverText.Length > 200 ? serverText.Substring(0, 200) + "…" : serverText, call.Key);

        private static void EnsureEncryptedOrAllowed(BillingCall call, Uri uri)
        {
            var settings = call.Settings;
            if (uri.Scheme != Uri.UriSchemeHttp || settings.AllowUnencryptedAuthentication)
            {
                return;
            }

            if (!uri.IsLoopback)
            {
                throw new BillingException(BillingErrorId.UnencryptedAuthentication,
                    $"{uri.GetLeftPart(UriPartial.Authority)} uses plain http, which would send the key unencrypted; nothing was sent.",
                    Advice.Of(AdviceKind.PlainHttp));
            }

            // A test client (settings.Client) has no proxy of its own; the shared one may.
            if (settings.Client == null && ProxyRoute.IsProxied(uri, settings.Proxy))
            {
                throw new BillingException(BillingErrorId.UnencryptedAuthentication,
                    $"{uri.GetLeftPart(UriPartial.Authority)} uses plain http and the request would go through a proxy (-Proxy, HTTP_PROXY or the system proxy), which would see the key unencrypted; nothing was sent.",
                    Advice.Of(AdviceKind.PlainHttpThroughProxy));
            }
        }

        private static bool IsRedirect(int status) => status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;

    }
}
