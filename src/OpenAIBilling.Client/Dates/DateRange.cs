using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenAIBilling.Dates
{
    /// <summary>A range of whole UTC days, both ends inclusive, as users think of dates.</summary>
    internal sealed class DateRange
    {
        public DateRange(DateTime start, DateTime end)
        {
            Start = DateOnly(start);
            End = DateOnly(end);
            if (End < Start)
            {
                throw new ArgumentException("The end of a date range must not be before its start.", nameof(end));
            }
        }

        /// <summary>The first day (UTC, date only).</summary>
        public DateTime Start { get; }

        /// <summary>The last day, inclusive (UTC, date only).</summary>
        public DateTime End { get; }

        public int Days => (int)(End - Start).TotalDays + 1;

        /// <summary>The day after <see cref="End"/>: the exclusive end the wire wants.</summary>
        public DateTime EndExclusive => End.AddDays(1);

        public bool Contains(DateTime day) => DateOnly(day) >= Start && DateOnly(day) <= End;

        /// <summary>
        /// Splits into consecutive windows of at most <paramref name="maxDays"/> days, in date order: the day buckets
        /// of <see cref="WindowSplitter"/>, each window given back as its days.
        /// </summary>
        public IReadOnlyList<DateRange> Split(int maxDays)
        {
            if (maxDays < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxDays));
            }

            return WindowSplitter.Split(new DateTimeOffset(Start, TimeSpan.Zero), new DateTimeOffset(EndExclusive, TimeSpan.Zero), TimeSpan.FromDays(1), maxDays)
                .Select(window => new DateRange(window.Start.UtcDateTime, window.End.UtcDateTime.AddDays(-1)))
                .ToList();
        }

        /// <summary>The date part of <paramref name="value"/>, as a UTC date; its Kind is ignored.</summary>
        public static DateTime DateOnly(DateTime value) => DateTime.SpecifyKind(value.Date, DateTimeKind.Utc);

        public static string Format(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override string ToString() => Format(Start) + " .. " + Format(End);
    }
}
