using System;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Dates
{
    /// <summary>Turns <c>-Period</c> or <c>-StartDate</c>/<c>-EndDate</c> into a <see cref="DateRange"/> (docs/DESIGN.md, "Dates and windows").</summary>
    internal static class DateRangeResolver
    {
        public static DateRange FromPeriod(Period period, DateTime today)
        {
            today = DateRange.DateOnly(today);
            var monthStart = CalendarMonth.FirstDay(today);
            switch (period)
            {
                case Period.Today: return new DateRange(today, today);
                case Period.Yesterday: return new DateRange(today.AddDays(-1), today.AddDays(-1));
                case Period.Last7Days: return new DateRange(today.AddDays(-6), today);
                case Period.Last30Days: return new DateRange(today.AddDays(-29), today);
                case Period.ThisMonth: return new DateRange(monthStart, today);
                case Period.LastMonth: return new DateRange(monthStart.AddMonths(-1), monthStart.AddDays(-1));
                case Period.ThisYear: return new DateRange(new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), today);
                default: throw new ArgumentOutOfRangeException(nameof(period));
            }
        }

        /// <summary>The first instant of the UTC month <paramref name="instant"/> lies in.</summary>
        public static DateTimeOffset MonthStart(DateTimeOffset instant)
        {
            var utc = instant.UtcDateTime;
            return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        }

        /// <summary>
        /// The range from explicit dates: a <c>Local</c> value (what <c>Get-Date</c> gives) is converted to UTC first,
        /// of any other only the date part counts. A missing start is the first of the end's month; a missing end is today.
        /// An end after today is clamped to today and <paramref name="clamped"/> is set.
        /// </summary>
        /// <exception cref="BillingException"><c>InvalidDateRange</c> for a start after today or an end before the start.</exception>
        public static DateRange FromDates(DateTime? startDate, DateTime? endDate, DateTime today, out bool clamped)
        {
            today = DateRange.DateOnly(today);
            clamped = false;
            startDate = AsUtc(startDate);
            endDate = AsUtc(endDate);
            var end = endDate.HasValue ? DateRange.DateOnly(endDate.Value) : today;
            if (end > today)
            {
                end = today;
                clamped = true;
            }

            var start = startDate.HasValue
                ? DateRange.DateOnly(startDate.Value)
                : CalendarMonth.FirstDay(end);

            if (start > today)
            {
                throw new BillingException(BillingErrorId.InvalidDateRange,
                    $"-StartDate {DateRange.Format(start)} is after today ({DateRange.Format(today)}, UTC); there is no spend to report yet.",
                    Advice.Of(AdviceKind.StartAfterToday));
            }

            if (endDate.HasValue && DateRange.DateOnly(endDate.Value) < start)
            {
                throw new BillingException(BillingErrorId.InvalidDateRange,
                    $"-EndDate {DateRange.Format(endDate.Value)} is before -StartDate {DateRange.Format(start)}.",
                    Advice.Of(AdviceKind.EndDateBeforeStartDate));
            }

            return new DateRange(start, end);
        }

        private static DateTime? AsUtc(DateTime? value) =>
            value.HasValue && value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : value;
    }
}
