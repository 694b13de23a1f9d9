using System;

namespace OpenAIBilling
{
    /// <summary>
    /// Usage of one endpoint in one time bucket, for one group. Emitted by <c>Get-OpenAITokenUsage</c>.
    /// A property is null where the endpoint has no such field.
    /// </summary>
    public sealed class TokenUsageRecord : BillingRecord
    {
        public DateTimeOffset StartTime { get; set; }

        public DateTimeOffset EndTime { get; set; }

        /// <summary>The usage endpoint, e.g. completions or web_search_calls.</summary>
        public string Endpoint { get; set; } = string.Empty;

        public string? Model { get; set; }

        public string? ProjectId { get; set; }

        public string? ApiKeyId { get; set; }

        public string? UserId { get; set; }

        public bool? Batch { get; set; }

        public string? ServiceTier { get; set; }

        public string? Size { get; set; }

        public string? ImageSource { get; set; }

        public string? VectorStoreId { get; set; }

        public string? ContextLevel { get; set; }

        public long? InputTokens { get; set; }

        public long? OutputTokens { get; set; }

        public long? InputCachedTokens { get; set; }

        /// <summary><c>num_model_requests</c>.</summary>
        public long? Requests { get; set; }

        /// <summary><c>num_requests</c> (tool calls: file and web searches).</summary>
        public long? ToolRequests { get; set; }

        public long? Images { get; set; }

        public long? Characters { get; set; }

        public long? Seconds { get; set; }

        public long? UsageBytes { get; set; }

        public long? Sessions { get; set; }
    }
}
