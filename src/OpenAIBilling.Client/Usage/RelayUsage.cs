using System;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Usage
{
    /// <summary>
    /// What "all time" means for a relay's usage, which is always the token's spending since it was created
    /// (docs/DESIGN.md#output-objects-and-the-forecast).
    /// </summary>
    internal static class RelayUsage
    {
        /// <summary>No token spent before this day: a range from it (or earlier) through today asks for all time.</summary>
        public static readonly DateTime AllTimeStart = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static bool AsksForAllTime(DateRange range, DateTime today) =>
            range.Start <= AllTimeStart && range.End >= DateRange.DateOnly(today);
    }
}
