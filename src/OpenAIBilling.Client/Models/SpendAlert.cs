using System;

namespace OpenAIBilling
{
    /// <summary>
    /// One spend alert of the organization or a project, and where this interval's spend stands against it.
    /// Emitted by <c>Get-OpenAISpendAlert</c>.
    /// </summary>
    public sealed class SpendAlert : BillingRecord
    {
        public string? Id { get; set; }

        /// <summary>The project the alert belongs to; null for the organization's alerts.</summary>
        public string? ProjectId { get; set; }

        /// <summary>The spend that fires the alert, in USD (the API's threshold_amount is cents).</summary>
        public decimal ThresholdUsd { get; set; }

        /// <summary>The interval the spend is counted over, e.g. month.</summary>
        public string? Interval { get; set; }

        /// <summary>How the alert is sent, e.g. email.</summary>
        public string? Channel { get; set; }

        /// <summary>Who gets the alert, joined with "; ".</summary>
        public string? Recipients { get; set; }

        /// <summary>Money spent in the alert's current interval, in USD; null for an interval this module does not know.</summary>
        public decimal? PeriodUsedUsd { get; set; }

        /// <summary>The UTC day the forecast's daily rate reaches the threshold within the interval; null otherwise or once triggered.</summary>
        public DateTime? ProjectedTriggerDate { get; set; }

        /// <summary>True when the interval's spend has already reached the threshold.</summary>
        public bool Triggered { get; set; }

        /// <summary>When the answer was fetched (UTC).</summary>
        public DateTimeOffset RetrievedAt { get; set; }
    }
}
