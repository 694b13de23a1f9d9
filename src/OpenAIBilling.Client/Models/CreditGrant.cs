using System;

namespace OpenAIBilling
{
    /// <summary>One credit grant (free or promotional credit). Emitted by <c>Get-OpenAICreditGrant</c>.</summary>
    public sealed class CreditGrant : BillingRecord
    {
        public string? Id { get; set; }

        public decimal GrantAmountUsd { get; set; }

        public decimal UsedAmountUsd { get; set; }

        /// <summary>GrantAmountUsd minus UsedAmountUsd.</summary>
        public decimal AvailableUsd { get; set; }

        public DateTimeOffset? EffectiveAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }
    }
}
