using OpenAIBilling.Errors;
using OpenAIBilling.Http;

namespace OpenAIBilling.Responses
{
    /// <summary>
    /// What one answer means, as <see cref="ResponseClassifier"/> decided it: whether it is tried again, whether it is a
    /// failure (its reason and id), what a 404 meant at its endpoint, and what a balance walk makes of it.
    /// </summary>
    internal sealed class ResponseVerdict
    {
        internal ResponseVerdict(ApiResponse response, ErrorEnvelope? envelope, bool isRetried, FailureReason? failure, BillingErrorId? errorId,
            NotFoundMeaning? notFound, bool doesNotApply, bool tokenUsedUp)
        {
            Response = response;
            Envelope = envelope;
            IsRetried = isRetried;
            Failure = failure;
            ErrorId = errorId;
            NotFound = notFound;
            DoesNotApply = doesNotApply;
            TokenUsedUp = tokenUsedUp;
        }

        public ApiResponse Response { get; }

        /// <summary>The error envelope, read once: from a failure's body, or found inside a successful answer; null otherwise.</summary>
        public ErrorEnvelope? Envelope { get; }

        /// <summary>The answer is tried again while retries remain.</summary>
        public bool IsRetried { get; }

        /// <summary>The rule that made the answer a failure; null when its body is to be read (or no limit is set).</summary>
        public FailureReason? Failure { get; }

        /// <summary>The error id of <see cref="Failure"/>.</summary>
        public BillingErrorId? ErrorId { get; }

        /// <summary>What the 404 (or 405) meant at the endpoint; null for any other status.</summary>
        public NotFoundMeaning? NotFound { get; }

        /// <summary>The source does not apply to this key: <c>-Source Auto</c> moves on to the next.</summary>
        public bool DoesNotApply { get; }

        /// <summary>A relay refuses the token because its quota is used up: for a balance, an answer (Status Exhausted).</summary>
        public bool TokenUsedUp { get; }

        /// <summary>A successful answer whose body is to be read (it may still carry an error envelope: relays do that).</summary>
        public bool IsSuccess => Failure == null && NotFound == null;
    }
}
