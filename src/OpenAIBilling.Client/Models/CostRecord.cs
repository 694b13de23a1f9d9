using System;

namespace OpenAIBilling
{
    /// <summary>Money spent over a range of UTC days, for one group. Emitted by <c>Get-OpenAIUsage</c>.</summary>
    public sealed class CostRecord : BillingRecord
    {
        /// <summary>The first UTC day covered; null when the source cannot say (a relay: since the token was created).</summary>
        public DateTime? StartDate { get; set; }

        /// <summary>The last UTC day covered (inclusive).</summary>
        public DateTime EndDate { get; set; }

        public decimal AmountUsd { get; set; }

        /// <summary>The line item (model and kind of use) when grouped by it.</summary>
        public string? LineItem { get; set; }

        public string? ProjectId { get; set; }

        public string? ApiKeyId { get; set; }

        /// <summary>How much was used, in <see cref="QuantityUnit"/>, when the server says.</summary>
        public decimal? Quantity { get; set; }

        public string? QuantityUnit { get; set; }

        /// <summary>Costs (Admin API) or DashboardUsage (legacy).</summary>
        public string Source { get; set; } = string.Empty;
    }
}
