using System;
using System.Linq;
using OpenAIBilling.Dates;
using OpenAIBilling.Errors;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class DateTests
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime D(int year, int month, int day) => new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData(99, 1)]
        [InlineData(100, 1)]
        [InlineData(101, 2)]
        [InlineData(365, 4)]
        public void Ranges_split_into_windows_of_at_most_100_days(int days, int windows)
        {
            var range = new DateRange(D(2025, 1, 1), D(2025, 1, 1).AddDays(days - 1));
            var split = range.Split(100);
            Assert.Equal(windows, split.Count);
            Assert.Equal(days, split.Sum(w => w.Days));
            Assert.All(split, w => Assert.InRange(w.Days, 1, 100));
            Assert.Equal(range.Start, split[0].Start);
            Assert.Equal(range.End, split[^1].End);
            for (int i = 1; i < split.Count; i++)
            {
                Assert.Equal(split[i - 1].End.AddDays(1), split[i].Start);
            }
        }

        [Fact]
        public void The_365_day_split_has_the_expected_boundaries()
        {
            var split = new DateRange(D(2025, 1, 1), D(2025, 12, 31)).Split(100);
            Assert.Equal(new[] { "2025-01-01 .. 2025-04-10", "2025-04-11 .. 2025-07-19", "2025-07-20 .. 2025-10-27", "2025-10-28 .. 2025-12-31" },
                split.Select(w => w.ToString()));
            Assert.Equal(D(2025, 4, 11), split[0].EndExclusive);
        }

        [Theory]
        [InlineData(Period.Today, "2026-11-29 .. 2026-11-29")]
        [InlineData(Period.Yesterday, "2026-11-28 .. 2026-11-28")]
        [InlineData(Period.Last7Days, "2026-11-23 .. 2026-11-29")]
        [InlineData(Period.Last30Days, "2026-10-31 .. 2026-11-29")]
        [InlineData(Period.ThisMonth, "2026-11-01 .. 2026-11-29")]
        [InlineData(Period.LastMonth, "2026-10-01 .. 2026-10-31")]
        [InlineData(Period.ThisYear, "2026-01-01 .. 2026-11-29")]
        public void Periods_name_ranges_ending_today(Period period, string expected)
        {
            Assert.Equal(expected, DateRangeResolver.FromPeriod(period, Today).ToString());
        }

        [Fact]
        public void Dates_are_inclusive_and_their_kind_and_time_are_ignored()
        {
            var range = DateRangeResolver.FromDates(new DateTime(2026, 11, 1, 23, 0, 0, DateTimeKind.Local), D(2026, 11, 30), D(2026, 12, 5), out bool clamped);
            Assert.Equal(30, range.Days);
            Assert.False(clamped);
        }

        [Fact]
        public void An_end_after_today_is_clamped()
        {
            var range = DateRangeResolver.FromDates(D(2026, 11, 1), D(2026, 12, 31), Today, out bool clamped);
            Assert.True(clamped);
            Assert.Equal(Today, range.End);
        }

        [Fact]
        public void A_reversed_range_or_a_future_start_is_InvalidDateRange()
        {
            Assert.Equal(BillingErrorId.InvalidDateRange,
                Assert.Throws<BillingException>(() => DateRangeResolver.FromDates(D(2026, 11, 20), D(2026, 11, 10), Today, out _)).ErrorId);
            Assert.Equal(BillingErrorId.InvalidDateRange,
                Assert.Throws<BillingException>(() => DateRangeResolver.FromDates(D(2026, 12, 2), null, Today, out _)).ErrorId);
        }

        [Fact]
        public void A_ten_year_range_is_allowed_and_splits()
        {
            var range = DateRangeResolver.FromDates(D(2016, 11, 29), null, Today, out _);
            Assert.Equal(3653, range.Days);
            Assert.Equal(37, range.Split(100).Count);
        }
    }
}
