using System.Collections.Generic;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Legacy
{
    /// <summary>Joins consecutive usage windows into one answer for the whole range.</summary>
    internal static class LegacyUsageMerge
    {
        public static LegacyUsage Merge(DateRange range, IReadOnlyList<LegacyUsage> windows)
        {
            if (windows.Count == 1)
            {
                return windows[0];
            }

            foreach (var window in windows)
            {
                if (!window.HasDailyBreakdown)
                {
                    // A server without a daily breakdown ignores the dates: each window repeats the same total.
                    return LegacyUsage.FromTotal(range, windows[windows.Count - 1].TotalUsd);
                }
            }

            decimal total = 0m;
            var days = new List<DailyCost>();
            foreach (var window in windows)
            {
                total += window.TotalUsd;
                days.AddRange(window.Days!);
            }

            return LegacyUsage.FromDays(range, total, days);
        }
    }
}
