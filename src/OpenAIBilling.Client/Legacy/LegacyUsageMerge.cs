using System.Collections.Generic;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Legacy
{
    /// <summary>
    /// Joins consecutive usage windows into one answer for the whole range, counting each window's money once
    /// (docs/DESIGN.md#output-objects-and-the-forecast).
    /// </summary>
    internal static class LegacyUsageMerge
    {
        public static LegacyUsage Merge(DateRange range, IReadOnlyList<LegacyUsage> windows)
        {
            if (windows.Count == 1)
            {
                return windows[0];
            }

            var days = new List<DailyCost>();
            var totalOnly = new List<LegacyUsage>();
            decimal total = 0m;
            foreach (var window in windows)
            {
                total += window.TotalUsd;
                if (window.HasDailyBreakdown)
                {
                    days.AddRange(window.Days!);
                }
                else
                {
                    totalOnly.Add(window);
                }
            }

            if (totalOnly.Count == windows.Count)
            {
                // No window has a breakdown: a relay, which ignores the dates, so every window repeats one total.
                return LegacyUsage.FromTotal(range, windows[windows.Count - 1].TotalUsd);
            }

            return LegacyUsage.FromDays(range, total, days, totalOnly);
        }
    }
}
