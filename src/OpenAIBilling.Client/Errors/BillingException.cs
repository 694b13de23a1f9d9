using System;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Errors
{
    /// <summary>
    /// Every failure the client reports. Its message and advice are plain words with no secret in them: whoever
    /// throws it redacts server text first (see <see cref="SecretRedactor"/>). Advice that would name a PowerShell
    /// parameter is a fact (<see cref="Errors.Advice"/>) that the cmdlet layer words (docs/DESIGN.md, "Error ids").
    /// </summary>
    public sealed class BillingException : Exception
    {
        internal BillingException(BillingErrorId errorId, string message, Advice advice, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Advice = advice;
        }

        public BillingErrorId ErrorId { get; }

        /// <summary>
        /// What the user can do about it; becomes <c>ErrorDetails.RecommendedAction</c>. Empty until the cmdlet layer
        /// has worded advice that is a fact (the copy in an error record always has it).
        /// </summary>
        public string RecommendedAction => Advice.Text ?? string.Empty;

        /// <summary>What would help: a sentence, or a fact for the cmdlet layer to word.</summary>
        internal Advice Advice { get; }

        /// <summary>The HTTP status of the answer that failed, when there was one.</summary>
        public int? StatusCode { get; internal set; }

        /// <summary>OpenAI's <c>error.type</c>, when the body had one.</summary>
        public string? ErrorType { get; internal set; }

        /// <summary>OpenAI's <c>error.code</c>, when the body had one.</summary>
        public string? ErrorCode { get; internal set; }

        /// <summary>The <c>x-request-id</c> header, when the server sent one.</summary>
        public string? RequestId { get; internal set; }

        /// <summary>The source that failed does not apply to this key: <c>-Source Auto</c> moves on (see <c>ResponseClassifier</c>).</summary>
        internal bool SourceDoesNotApply { get; set; }

        /// <summary>A relay refused the token because its quota is used up: for a balance, an answer (see <c>ResponseClassifier</c>).</summary>
        internal bool TokenUsedUp { get; set; }

        /// <summary>The fully qualified id prefix: <c>OpenAIBilling.</c> and the id.</summary>
        public string FullErrorId => "OpenAIBilling." + ErrorId;

        /// <summary>Sets the answer's details; the server's strings pass through <see cref="SecretRedactor"/>.</summary>
        internal BillingException WithResponse(int? statusCode, string? errorType, string? errorCode, string? requestId)
        {
            StatusCode = statusCode;
            ErrorType = Clean(errorType, null);
            ErrorCode = Clean(errorCode, null);
            RequestId = Clean(requestId, null);
            return this;
        }

        /// <summary>
        /// A copy for the user's eyes (an error record, <c>Get-Error</c>, <c>ConvertTo-Json</c>): every string redacted
        /// for <paramref name="key"/> and stripped of control characters, without the inner exception (a parser's
        /// message quotes the body).
        /// </summary>
        internal BillingException Redacted(Keys.ApiKey? key) => Redacted(key, Advice);

        /// <summary>The copy for the user's eyes, with <paramref name="advice"/> (the advice as worded for a cmdlet).</summary>
        internal BillingException Redacted(Keys.ApiKey? key, Advice advice) =>
            new BillingException(ErrorId, SecretRedactor.Redact(Message, key), advice.Redacted(key))
            {
                StatusCode = StatusCode,
                ErrorType = Clean(ErrorType, key),
                ErrorCode = Clean(ErrorCode, key),
                RequestId = Clean(RequestId, key),
                SourceDoesNotApply = SourceDoesNotApply,
                TokenUsedUp = TokenUsedUp,
            };

        private static string? Clean(string? text, Keys.ApiKey? key) => text == null ? null : SecretRedactor.Redact(text, key);
    }
}
