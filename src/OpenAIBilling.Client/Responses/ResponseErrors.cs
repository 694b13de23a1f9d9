using System;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Json;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Responses
{
    /// <summary>
    /// The one place that turns an HTTP answer into an error id (docs/DESIGN.md, "Error ids"), with a plain message and what to do.
    /// Server text is redacted before it goes into any message.
    /// </summary>
    internal static class ResponseErrors
    {
        public const string AdminKeysPage = "https://platform.openai.com/settings/organization/admin-keys";
        private const string SessionKeyMarker = "must be made with a session key";
        private static readonly Regex Exhausted = new Regex(@"额度已用尽|quota (is )?(exhausted|used up)|token.*exhausted", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// Reads a successful answer's JSON once with <paramref name="parse"/>; throws the error the answer stands for
        /// instead when its status is a failure or its body is an error envelope (relays send those with HTTP 200).
        /// </summary>
        public static T Read<T>(BillingCall call, ApiResponse response, EndpointFamily family, string what, Func<JsonElement, T> parse)
        {
            if (!response.IsSuccess)
            {
                throw ErrorFor(call, response, ErrorEnvelope.TryParse(response.Body), family);
            }

            return JsonBody.Read(response, what, root =>
            {
                var envelope = ErrorEnvelope.From(root);
                return envelope == null ? parse(root) : throw ErrorFor(call, response, envelope, family);
            });
        }

        /// <summary>The error a failed answer (or a successful one carrying <paramref name="envelope"/>) stands for.</summary>
        internal static BillingException ErrorFor(BillingCall call, ApiResponse response, ErrorEnvelope? envelope, EndpointFamily family)
        {
            int status = response.StatusCode;
            string serverSays = ServerText(call, response, envelope);
            string where = $"{call.Host.Display} answered HTTP {status}{ReasonPhrase(status)} to GET {response.RequestUri.AbsolutePath}";
            string message = where + (serverSays.Length > 0 ? ": " + serverSays : ".");
            bool exhausted = envelope != null && Exhausted.IsMatch(envelope.Message);
            BillingErrorId id;
            Advice action;

            if (response.IsSuccess)
            {
                id = BillingErrorId.ApiError;
                action = "The server reported an error inside a successful answer (relays do this); read its message, and check the token and the relay's status.";
                if (exhausted)
                {
                    id = BillingErrorId.KeyExhausted;
                    action = KeyExhaustedAction;
                }
            }
            else if (status == 401 || status == 403)
            {
                (id, action) = ForDenied(call, status, envelope, exhausted, family);
            }
            else if (status == 404 || status == 405)
            {
                id = BillingErrorId.EndpointNotFound;
                action = Advice.Of(AdviceKind.EndpointNotServed, call.Host.Display, response.RequestUri.AbsolutePath);
            }
            else if (envelope?.IsInsufficientQuota == true)
            {
                // Out of money, not out of time: never retried, and not a rate limit.
                id = BillingErrorId.KeyExhausted;
                action = "The account is out of quota: add credit or raise the limit in the billing settings, then try again.";
            }
            else if (status == 429)
            {
                id = BillingErrorId.RateLimited;
                action = Advice.Of(AdviceKind.RateLimited);
            }
            else if (status >= 500)
            {
                id = BillingErrorId.ServerError;
                action = $"The server failed (it was tried {response.Attempts} time{(response.Attempts == 1 ? string.Empty : "s")}); try again later.";
            }
            else
            {
                id = BillingErrorId.ApiError;
                action = "Read the server's message; the request may not suit this host or key.";
            }

            if (id == BillingErrorId.AdminKeyRequired)
            {
                message += " " + AdminKeyExplained;
            }

            return new BillingException(id, message, action)
                .WithResponse(status, envelope?.Type, envelope?.Code, response.RequestId);
        }

        /// <summary>The answer is a 404 whose message is OpenAI's "Invalid URL" (the endpoint does not exist).</summary>
        public static bool IsInvalidUrl(ApiResponse response)
        {
            if (response.StatusCode == 405)
            {
                return true;
            }

            if (response.StatusCode != 404)
            {
                return false;
            }

            var envelope = ErrorEnvelope.TryParse(response.Body);
            return envelope == null || envelope.Message.StartsWith("Invalid URL", StringComparison.OrdinalIgnoreCase);
        }

        internal static BillingException TooLongRequestedDelay(BillingCall call, ApiResponse response, TimeSpan delay) =>
            new BillingException(BillingErrorId.RateLimited,
                    $"{call.Host.Display} answered HTTP {response.StatusCode} and asked to wait {(delay == TimeSpan.MaxValue ? "an unbounded time" : delay.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s")}, longer than the {RetryPolicy.MaximumRequestedDelay.TotalSeconds:0} s this module waits.",
                    "Try again later.")
                .WithResponse(response.StatusCode, null, null, response.RequestId);

        private const string KeyExhaustedAction =
            "The token's quota is used up; top it up in the relay's console or use another token (an exhausted token cannot query its own balance).";

        private static (BillingErrorId, Advice) ForDenied(BillingCall call, int status, ErrorEnvelope? envelope, bool exhausted, EndpointFamily family)
        {
            if (exhausted)
            {
                return (BillingErrorId.KeyExhausted, KeyExhaustedAction);
            }

            if (envelope?.Code == "invalid_api_key" || (status == 401 && !call.Host.IsOpenAI))
            {
                return (BillingErrorId.InvalidApiKey, call.Host.IsOpenAI
                    ? "Check that the key is complete and not revoked; keys are listed at https://platform.openai.com/api-keys."
                    : $"Check that the token is complete, enabled and not expired in the console of {call.Host.Display}.");
            }

            if (envelope != null && envelope.Message.IndexOf(SessionKeyMarker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return (BillingErrorId.SessionKeyRequired, SessionKeyAction);
            }

            if (family == EndpointFamily.Admin)
            {
                return (BillingErrorId.AdminKeyRequired, AdminKeyAction);
            }

            if (family == EndpointFamily.Legacy && call.Host.IsOpenAI && status == 403)
            {
                return (BillingErrorId.SessionKeyRequired, SessionKeyAction);
            }

            return status == 401
                ? (BillingErrorId.InvalidApiKey, "Check that the key is complete and not revoked.")
                : (BillingErrorId.ApiError, "The key may not have the rights this request needs; read the server's message.");
        }

        /// <summary>What to do when OpenAI refuses the dashboard endpoints to this key.</summary>
        public const string SessionKeyAction =
            "OpenAI answers the dashboard billing endpoints only to a browser session key (sess-…). For spend and limits use an Admin key (sk-admin-…), which an organization Owner creates at " + AdminKeysPage + ".";

        /// <summary>What an Admin key is, for the message of <c>AdminKeyRequired</c>.</summary>
        private const string AdminKeyExplained =
            "The organization costs, usage and spend-limit APIs answer only an Admin key (sk-admin-…), a key an organization Owner creates for the whole organization at " + AdminKeysPage + ".";

        /// <summary>What to do when an organization endpoint refuses the key.</summary>
        private static readonly Advice AdminKeyAction = Advice.Of(AdviceKind.AdminKeyNeeded);

        private static string ServerText(BillingCall call, ApiResponse response, ErrorEnvelope? envelope)
        {
            if (envelope != null)
            {
                string text = envelope.Message.Length > 500 ? envelope.Message.Substring(0, 500) + "…" : envelope.Message;
                return SecretRedactor.Redact(text, call.Key);
            }

            string contentType = response.Header("content-type") ?? string.Empty;
            if (response.Body.Length == 0)
            {
                return string.Empty;
            }

            return contentType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
                ? "(the body is an HTML page, not an API answer)"
                : $"(a {response.Body.Length}-byte body that is not an API error)";
        }

        private static string ReasonPhrase(int status)
        {
            // .NET Framework's HttpStatusCode has no names for 308 and 429 (docs/DESIGN.md, "Windows PowerShell 5.1
            // and .NET Framework"), so those two are named here on every runtime.
            string phrase = status == 308 ? "PermanentRedirect"
                : status == 429 ? "TooManyRequests"
                : ((System.Net.HttpStatusCode)status).ToString();
            return phrase == status.ToString(System.Globalization.CultureInfo.InvariantCulture) ? string.Empty : " (" + Regex.Replace(phrase, "(?<=[a-z])(?=[A-Z])", " ") + ")";
        }
    }
}
