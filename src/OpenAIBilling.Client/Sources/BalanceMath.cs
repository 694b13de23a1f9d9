using System;

namespace OpenAIBilling.Sources
{
    /// <summary>The arithmetic every balance source shares (docs/DESIGN.md#output-objects-and-the-forecast).</summary>
    internal static class BalanceMath
    {
        /// <summary>Sets AvailableUsd (when not given) and PercentUsed from LimitUsd and UsedUsd.</summary>
        public static Balance Complete(Balance balance)
        {
            if (balance.AvailableUsd == null && balance.LimitUsd.HasValue && balance.UsedUsd.HasValue)
            {
                balance.AvailableUsd = balance.LimitUsd - balance.UsedUsd;
            }

            if (balance.LimitUsd > 0 && balance.UsedUsd.HasValue)
            {
                balance.PercentUsed = decimal.Round(balance.UsedUsd.Value * 100m / balance.LimitUsd.Value, 2, MidpointRounding.AwayFromZero);
            }

            return balance;
        }
    }
}
