using System;
using OpenAIBilling.Dates;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The one place that knows a month's first and last day.</summary>
    public class CalendarMonthTests
    {
        private static DateTime D(int year, int month, int day) => new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData(2024, 2, 10, 29)] // leap year
        [InlineData(2025, 2, 28, 28)]
        [InlineData(2000, 2, 1, 29)] // divisible by 400: leap
        [InlineData(1900, 2, 15, 28)] // divisible by 100 only: not leap
        [InlineData(2026, 4, 30, 30)]
        [InlineData(2026, 1, 1, 31)]
        [InlineData(2026, 12, 31, 31)]
        public void The_last_day_of_the_month_is_the_28th_to_the_31st(int year, int month, int day, int lastDay)
        {
            Assert.Equal(D(year, month, lastDay), CalendarMonth.LastDay(D(year, month, day)));
        }

        [Fact]
        public void December_ends_in_its_own_year_and_the_first_day_is_the_1st()
        {
            Assert.Equal(D(2026, 12, 31), CalendarMonth.LastDay(D(2026, 12, 2)));
            Assert.Equal(D(2026, 12, 1), CalendarMonth.FirstDay(D(2026, 12, 31)));
            Assert.Equal(D(2024, 2, 1), CalendarMonth.FirstDay(D(2024, 2, 29)));
        }

        [Fact]
        public void A_time_of_day_does_not_count_and_the_result_is_a_UTC_date()
        {
            var evening = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Unspecified);
            Assert.Equal(D(2024, 2, 29), CalendarMonth.LastDay(evening));
            Assert.Equal(DateTimeKind.Utc, CalendarMonth.LastDay(evening).Kind);
            Assert.Equal(TimeSpan.Zero, CalendarMonth.FirstDay(evening).TimeOfDay);
            Assert.Equal(DateTimeKind.Utc, CalendarMonth.FirstDay(evening).Kind);
        }
    }
}
