using System;
using System.Collections.Generic;

namespace OpenAIBilling.Usage
{
    /// <summary>What <c>Get-OpenAITokenUsage</c> asks: one endpoint, a time span, a bucket width, groups and filters.</summary>
    internal sealed class TokenUsageRequest
    {
        public UsageEndpoint Endpoint { get; set; }

        public BucketWidth BucketWidth { get; set; } = BucketWidth.Day;

        /// <summary>The first instant (inclusive).</summary>
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end (exclusive).</summary>
        public DateTimeOffset EndTime { get; set; }

        public IReadOnlyCollection<TokenUsageGroupBy> GroupBy { get; set; } = Array.Empty<TokenUsageGroupBy>();

        public IReadOnlyCollection<string> Models { get; set; } = Array.Empty<string>();

        public IReadOnlyCollection<string> ProjectIds { get; set; } = Array.Empty<string>();

        public IReadOnlyCollection<string> ApiKeyIds { get; set; } = Array.Empty<string>();

        public IReadOnlyCollection<string> UserIds { get; set; } = Array.Empty<string>();
    }
}
