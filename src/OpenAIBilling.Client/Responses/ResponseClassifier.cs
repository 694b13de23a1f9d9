using System;
using System.Text.RegularExpressions;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Responses
{
    /// <summary>
    /// The one place that decides what an answer means (docs/DESIGN.md, "Error ids" and "HTTP behaviour"): for an answer
    /// and its <see cref="Endpoint"/>, whether it is tried again, which failure and error id it is, what a 404 means
    /// there, and whether <c>-Source Auto</c> moves on. The error envelope is read once per answer. How long to wait
    /// before a retry is <see cref="RetryPolicy"/>'s; the words of each error are <see cref="ResponseErrors"/>'.
    /// </summary>
    internal static class ResponseClassifier
    {
        private const string SessionKeyMarker = "must be made with a session key";
        private static readonly Regex Exhausted = new Regex(@"额度已用尽|quota (is )?(exhausted|used up)|token.*exhausted", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>What the answer <paramref name="response"/> from <paramref name="endpoint"/> means for <paramref name="call"/>.</summary>
        public static ResponseVerdict Classify(BillingCall call, ApiResponse response, Endpoint endpoint)
        {
            if (response.IsSuccess)
            {
                return Verdict(call, response, null, null, null);
            }

            var envelope = ErrorEnvelope.TryParse(response.Body);
            int status = response.StatusCode;
            if (status == 404 || status == 405)
            {
                var meaning = NotFound(response, envelope, endpoint);
                return Verdict(call, response, envelope, meaning == NotFoundMeaning.NoLimitSet ? (FailureReason?)null : FailureReason.EndpointNotFound, meaning);
            }

            return Verdict(call, response, envelope, FailureOf(call, status, envelope, endpoint.Family), null);
        }

        /// <summary>What a successful answer carrying the error envelope <paramref name="envelope"/> means (relays send errors with HTTP 200).</summary>
        public static ResponseVerdict ClassifyErrorInsideSuccess(BillingCall call, ApiResponse response, ErrorEnvelope envelope) =>
            Verdict(call, response, envelope, Exhausted.IsMatch(envelope.Message) ? FailureReason.TokenExhausted : FailureReason.ErrorInsideSuccess, null);

        /// <summary>
        /// A failure every other key of the host would meet too (a timeout, a connection, a 5xx or 429 after retries, a
        /// malformed answer); a key's own refusal (401/403, even one whose body could not be read) is not one.
        /// </summary>
        public static bool IsHostFailure(BillingException failure)
        {
            switch (failure.ErrorId)
            {
                case BillingErrorId.Timeout:
                case BillingErrorId.ConnectionFailed:
                case BillingErrorId.ServerError:
                case BillingErrorId.RateLimited:
                case BillingErrorId.InvalidResponse:
                    return failure.StatusCode != 401 && failure.StatusCode != 403;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Which answers are tried again: 408, 409, 429 unless it is <c>insufficient_quota</c> (that needs money, not
        /// time), and 5xx; none when the server says <c>x-should-retry: false</c>, and <c>x-should-retry: true</c>
        /// makes no other status retried. Connection failures are retried too (<see cref="BillingTransport"/>).
        /// </summary>
        private static bool IsRetried(ApiResponse response, ErrorEnvelope? envelope)
        {
            if (string.Equals(response.Header("x-should-retry"), "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            int status = response.StatusCode;
            if (status == 429)
            {
                return !(envelope?.IsInsufficientQuota ?? false);
            }

            return status == 408 || status == 409 || status >= 500;
        }

        /// <summary>What a 404 or 405 means at <paramref name="endpoint"/> (see <see cref="NotFoundMeaning"/>).</summary>
        private static NotFoundMeaning NotFound(ApiResponse response, ErrorEnvelope? envelope, Endpoint endpoint)
        {
            bool is404 = response.StatusCode == 404;
            switch (endpoint.NotFound)
            {
                case NotFoundMeaning.NoLimitSet:
                    return is404 && !IsInvalidUrl(envelope) ? NotFoundMeaning.NoLimitSet : NotFoundMeaning.EndpointNotFound;
                case NotFoundMeaning.Absent:
                    return NotFoundMeaning.Absent;
                case NotFoundMeaning.TryShortPath:
                case NotFoundMeaning.NeitherPath:
                    return is404 ? endpoint.NotFound : NotFoundMeaning.EndpointNotFound;
                default:
                    return NotFoundMeaning.EndpointNotFound;
            }
        }

        /// <summary>A 404 is OpenAI's "Invalid URL" (the path does not exist) when its message says so or it has no error envelope.</summary>
        private static bool IsInvalidUrl(ErrorEnvelope? envelope) =>
            envelope == null || envelope.Message.StartsWith("Invalid URL", StringComparison.OrdinalIgnoreCase);

        private static FailureReason FailureOf(BillingCall call, int status, ErrorEnvelope? envelope, EndpointFamily family)
        {
            if (status == 401 || status == 403)
            {
                return Denied(call, status, envelope, family);
            }

            if (envelope?.IsInsufficientQuota == true)
            {
                // Out of money, not out of time: never retried, and not a rate limit.
                return FailureReason.InsufficientQuota;
            }

            if (status == 429)
            {
                return FailureReason.RateLimited;
            }

            return status >= 500 ? FailureReason.ServerError : FailureReason.OtherStatus;
        }

        /// <summary>What a 401 or 403 means: a used-up token, a bad key, the wrong kind of key, or missing rights.</summary>
        private static FailureReason Denied(BillingCall call, int status, ErrorEnvelope? envelope, EndpointFamily family)
        {
            if (envelope != null && Exhausted.IsMatch(envelope.Message))
            {
                return FailureReason.TokenExhausted;
            }

            if (envelope?.Code == "invalid_api_key" || (status == 401 && !call.Host.IsOpenAI))
            {
                return FailureReason.InvalidKey;
            }

            if (envelope != null && envelope.Message.IndexOf(SessionKeyMarker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return FailureReason.SessionKeyRequired;
            }

            if (family == EndpointFamily.Admin)
            {
                return FailureReason.AdminKeyRequired;
            }

            if (family == EndpointFamily.Legacy && call.Host.IsOpenAI && status == 403)
            {
                return FailureReason.SessionKeyRequired;
            }

            return status == 401 ? FailureReason.Unauthorized : FailureReason.Forbidden;
        }

        private static ResponseVerdict Verdict(BillingCall call, ApiResponse response, ErrorEnvelope? envelope, FailureReason? failure, NotFoundMeaning? notFound)
        {
            BillingErrorId? id = failure.HasValue ? IdOf(failure.Value) : (BillingErrorId?)null;
            return new ResponseVerdict(response, envelope, IsRetried(response, envelope), failure, id, notFound,
                doesNotApply: DoesNotApply(call, failure),
                tokenUsedUp: id == BillingErrorId.KeyExhausted && !call.Host.IsOpenAI && response.StatusCode != 429);
        }

        /// <summary>
        /// Auto moves on only when a source does not apply (docs/DESIGN.md, "Sources and the Auto rules"): a 404/405
        /// from its endpoint, the legacy "session key" refusal, an organization endpoint's 401/403 for a key that is not
        /// an Admin key. Any other failure is the key's answer.
        /// </summary>
        private static bool DoesNotApply(BillingCall call, FailureReason? failure) =>
            failure == FailureReason.EndpointNotFound
            || failure == FailureReason.SessionKeyRequired
            || (failure == FailureReason.AdminKeyRequired && call.Key.Kind != KeyKind.Admin);

        private static BillingErrorId IdOf(FailureReason failure)
        {
            switch (failure)
            {
                case FailureReason.TokenExhausted:
                case FailureReason.InsufficientQuota:
                    return BillingErrorId.KeyExhausted;
                case FailureReason.InvalidKey:
                case FailureReason.Unauthorized:
                    return BillingErrorId.InvalidApiKey;
                case FailureReason.SessionKeyRequired:
                    return BillingErrorId.SessionKeyRequired;
                case FailureReason.AdminKeyRequired:
                    return BillingErrorId.AdminKeyRequired;
                case FailureReason.EndpointNotFound:
                    return BillingErrorId.EndpointNotFound;
                case FailureReason.RateLimited:
                    return BillingErrorId.RateLimited;
                case FailureReason.ServerError:
                    return BillingErrorId.ServerError;
                default:
                    return BillingErrorId.ApiError;
            }
        }
    }
}
