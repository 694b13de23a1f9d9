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
    /// The words of the error an answer stands for (docs/DESIGN.md, "Error ids"): <see cref="ResponseClassifier"/> decides
    /// the id; this writes the plain message and what to do. Server text is redacted before it goes into any message.
    /// </summary>
    internal static class ResponseErrors
    {
        public const string AdminKeysPage = "https://platform.openai.com/settings/organization/admin-keys";

        /// <summary>
        /// Reads a successful answer's JSON once with <paramref name="parse"/>; throws the error the answer stands for
        /// instead when <see cref="ResponseClassifier"/> found a failure or its body is an error envelope (relays send
        /// those with HTTP 200).
        /// </summary>
        public static T Read<T>(BillingCall call, ResponseVerdict verdict, string what, Func<JsonElement, T> parse)
        {
            if (verdict.Failure != null)
            {
                throw ErrorFor(call, verdict);
            }

            return JsonBody.Read(verdict.Response, what, root =>
            {
                var envelope = ErrorEnvelope.From(root);
                return envelope == null ? parse(root) : throw ErrorFor(call, ResponseClassifier.ClassifyErrorInsideSuccess(call, verdict.Response, envelope));
            });
        }

        /// <summary>The error a failed answer stands for: its id and the facts from the verdict, in plain words.</summary>
        internal static BillingException ErrorFor(BillingCall call, ResponseVerdict verdict)
        {
            var response = verdict.Response;
            var envelope = verdict.Envelope;
            int status = response.StatusCode;
            string serverSays = ServerText(call, response, envelope);
            string where = $"{call.Host.Display} answered HTTP {status}{ReasonPhrase(status)} to GET {response.RequestUri.AbsolutePath}";
            string message = where + (serverSays.Length > 0 ? ": " + serverSays : ".");
            var id = verdict.ErrorId!.Value;
            if (id == BillingErrorId.AdminKeyRequired)
            {
                message += " " + AdminKeyExplained;
            }

            return new BillingException(id, message, ActionFor(call, verdict))
                {
                    SourceDoesNotApply = verdict.DoesNotApply,
                    TokenUsedUp = verdict.TokenUsedUp,
                }
                .WithResponse(status, envelope?.Type, envelope?.Code, response.RequestId);
        }

        private static Advice ActionFor(BillingCall call, ResponseVerdict verdict)
        {
            var response = verdict.Response;
            switch (verdict.Failure)
            {
                case FailureReason.ErrorInsideSuccess:
                    return "The server reported an error inside a successful answer (relays do this); read its message, and check the token and the relay's status.";
                case FailureReason.TokenExhausted:
                    return KeyExhaustedAction;
                case FailureReason.InsufficientQuota:
                    return "The account is out of quota: add credit or raise the limit in the billing settings, then try again.";
                case FailureReason.InvalidKey:
                    return call.Host.IsOpenAI
                        ? "Check that the key is complete and not revoked; keys are listed at https://platform.openai.com/api-keys."
                        : $"Check that the token is complete, enabled and not expired in the console of {call.Host.Display}.";
                case FailureReason.Unauthorized:
                    return "Check that the key is complete and not revoked.";
                case FailureReason.SessionKeyRequired:
                    return SessionKeyAction;
                case FailureReason.AdminKeyRequired:
                    return AdminKeyAction;
                case FailureReason.Forbidden:
                    return "The key may not have the rights this request needs; read the server's message.";
                case FailureReason.EndpointNotFound:
                    return Advice.Of(AdviceKind.EndpointNotServed, call.Host.Display, response.RequestUri.AbsolutePath);
                case FailureReason.RateLimited:
                    return Advice.Of(AdviceKind.RateLimited);
                case FailureReason.ServerError:
                    return $"The server failed (it was tried {response.Attempts} time{(response.Attempts == 1 ? string.Empty : "s")}); try again later.";
                default:
                    return "Read the server's message; the request may not suit this host or key.";
            }
        }

        internal static BillingException TooLongRequestedDelay(BillingCall call, ApiResponse response, TimeSpan delay) =>
            new BillingException(BillingErrorId.RateLimited,
                    $"{call.Host.Display} answered HTTP {response.StatusCode} and asked to wait {(delay == TimeSpan.MaxValue ? "an unbounded time" : delay.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s")}, longer than the {RetryPolicy.MaximumRequestedDelay.TotalSeconds:0} s this module waits.",
                    "Try again later.")
                .WithResponse(response.StatusCode, null, null, response.RequestId);

        private const string KeyExhaustedAction =
            "The token's quota is used up; top it up in the relay's console or use another token (an exhausted token cannot query its own balance).";

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
