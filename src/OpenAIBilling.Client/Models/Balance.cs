using System;

namespace OpenAIBilling
{
    /// <summary>How much money is left for one key, and where it is heading. Emitted by <c>Get-OpenAIBalance</c>.</summary>
    public sealed class Balance : BillingRecord
    {
        /// <summary>Which source answered: Balances, SpendLimit, Subscription or CreditGrants.</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>Active, Exhausted (a relay token whose quota is used up) or Expired (<see cref="ExpiresAt"/> has passed).</summary>
        public string Status { get; set; } = BalanceStatus.Active;

        /// <summary>The limit or total granted, in USD; null when there is none (unlimited, or no spend limit set).</summary>
        public decimal? LimitUsd { get; set; }

        /// <summary>Money spent over <see cref="PeriodStart"/>..<see cref="PeriodEnd"/> (or in total), in USD.</summary>
        public decimal? UsedUsd { get; set; }

        /// <summary><see cref="LimitUsd"/> minus <see cref="UsedUsd"/>, or the source's own figure, in USD.</summary>
        public decimal? AvailableUsd { get; set; }

        /// <summary>UsedUsd as a percentage of LimitUsd, rounded to two decimals.</summary>
        public decimal? PercentUsed { get; set; }

        /// <summary>The first UTC day <see cref="UsedUsd"/> covers, or null.</summary>
        public DateTime? PeriodStart { get; set; }

        /// <summary>The last UTC day (inclusive) <see cref="UsedUsd"/> covers, or null.</summary>
        public DateTime? PeriodEnd { get; set; }

        /// <summary>When access or the credit runs out; null when never or unknown.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>True for relay tokens with unlimited quota.</summary>
        public bool IsUnlimited { get; set; }

        /// <summary>Mean spend of the complete UTC days of the period already fetched, at most the last 7.</summary>
        public decimal? DailyAverageUsd { get; set; }

        /// <summary>UsedUsd plus the daily average times the days left in the period.</summary>
        public decimal? ProjectedPeriodUsd { get; set; }

        /// <summary>The UTC day the money left runs out at the daily average, when that falls within the period.</summary>
        public DateTime? ProjectedExhaustion { get; set; }

        /// <summary>When the answer was fetched (UTC).</summary>
        public DateTimeOffset RetrievedAt { get; set; }
    }
}
