using System;

namespace OpenAIBilling
{
    /// <summary>The limit and plan of a key's account or project. Emitted by <c>Get-OpenAISubscription</c>.</summary>
    public sealed class Subscription : BillingRecord
    {
        /// <summary>SpendLimit (Admin key) or Subscription (legacy dashboard).</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>The hard (monthly) limit in USD; null when none is set or the token is unlimited.</summary>
        public decimal? HardLimitUsd { get; set; }

        public decimal? SoftLimitUsd { get; set; }

        public decimal? SystemHardLimitUsd { get; set; }

        public bool? HasPaymentMethod { get; set; }

        public string? PlanId { get; set; }

        public string? PlanTitle { get; set; }

        /// <summary>When access ends; null when the server says 0 (never).</summary>
        public DateTimeOffset? AccessUntil { get; set; }

        public bool IsUnlimited { get; set; }

        /// <summary>The spend limit's interval (month); null for the legacy source.</summary>
        public string? Interval { get; set; }

        /// <summary>Whether the spend limit is enforced (enforcing or inactive); null for the legacy source.</summary>
        public string? EnforcementStatus { get; set; }

        /// <summary>The project whose spend limit this is; null for the organization.</summary>
        public string? ProjectId { get; set; }

        public DateTimeOffset RetrievedAt { get; set; }
    }
}
