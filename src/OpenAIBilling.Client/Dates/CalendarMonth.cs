using System;

namespace OpenAIBilling.Dates
{
    /// <summary>The UTC calendar month a day lies in: its first and its last day (docs/DESIGN.md, "Dates and windows").</summary>
    internal static class CalendarMonth
    {
        /// <summary>The first day of <paramref name="day"/>'s month (UTC, date only).</summary>
        public static DateTime FirstDay(DateTime day) => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>The last day of <paramref name="day"/>'s month (UTC, date only): the 28th to the 31st.</summary>
        public static DateTime LastDay(DateTime day) => FirstDay(day).AddMonths(1).AddDays(-1);
    }
}
