using System;
using System.Threading.Tasks;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// Sends one GET with everything docs/DESIGN.md ("Security", "HTTP behaviour") asks of it: the plain-HTTP guard, retries with their delays and
    /// redirects followed by hand; each attempt is an <see cref="HttpAttempt"/>. It returns the final answer whatever
    /// its status; <see cref="ResponseErrors"/> decides what a status means.
    /// </summary>
    public static class BillingTransport
    {
        /// <summary>Answers larger than this are refused while they stream in.</summary>
        public const long MaximumBodyBytes = HttpAttempt.MaximumBodyBytes;
        private const int MaximumRedirects = 5;
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

        private static bool IsRedirect(int status) => status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;

    }
}
