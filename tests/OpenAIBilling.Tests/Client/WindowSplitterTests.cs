using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using OpenAIBilling.Dates;
using OpenAIBilling.Forecasting;
using OpenAIBilling.Http;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The one rule that cuts a range into an endpoint's windows, and the one place windows are started.</summary>
    public class WindowSplitterTests
    {
        private static readonly DateTimeOffset Midnight = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private static DateTime D(int year, int month, int day) => new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData(179, 1, 179)]
        [InlineData(180, 1, 180)]
        [InlineData(181, 2, 180)]
        [InlineData(360, 2, 180)]
        [InlineData(361, 3, 180)]
        [InlineData(1, 1, 1)]
        public void A_window_holds_at_most_the_maximum_and_the_next_starts_where_it_ends(int days, int windows, int firstBuckets)
        {
            var split = WindowSplitter.Split(Midnight, Midnight.AddDays(days), TimeSpan.FromDays(1), 180).ToList();
            Assert.Equal(windows, split.Count);
            Assert.Equal(windows, WindowSplitter.Count(Midnight, Midnight.AddDays(days), TimeSpan.FromDays(1), 180));
            Assert.Equal(firstBuckets, split[0].Buckets);
            Assert.Equal(Midnight, split[0].Start);
            Assert.Equal(Midnight.AddDays(days), split[split.Count - 1].End);
            for (int i = 1; i < split.Count; i++)
            {
                Assert.Equal(split[i - 1].End, split[i].Start);
                Assert.Equal(Midnight.AddDays(180 * i), split[i].Start);
            }

            Assert.Equal(days, split.Sum(w => w.Buckets));
        }

        [Fact]
        public void After_an_unaligned_start_the_edges_fall_on_bucket_boundaries()
        {
            var start = Midnight.AddMinutes(90);
            var split = WindowSplitter.Split(start, start.AddHours(10), TimeSpan.FromHours(1), 4).ToList();
            Assert.Equal(new[] { start, Midnight.AddHours(5), Midnight.AddHours(9) }, split.Select(w => w.Start));
            Assert.Equal(new[] { Midnight.AddHours(5), Midnight.AddHours(9), start.AddHours(10) }, split.Select(w => w.End));
            Assert.Equal(new[] { 4, 4, 3 }, split.Select(w => w.Buckets));
            Assert.Equal(3, WindowSplitter.Count(start, start.AddHours(10), TimeSpan.FromHours(1), 4));
        }

        [Fact]
        public void An_empty_or_backward_span_has_no_windows()
        {
            Assert.Empty(WindowSplitter.Split(Midnight, Midnight, TimeSpan.FromDays(1), 31));
            Assert.Empty(WindowSplitter.Split(Midnight, Midnight.AddDays(-3), TimeSpan.FromDays(1), 31));
            Assert.Equal(0, WindowSplitter.Count(Midnight, Midnight, TimeSpan.FromDays(1), 31));
            Assert.Equal(0, WindowSplitter.Count(Midnight, Midnight.AddDays(-3), TimeSpan.FromDays(1), 31));
        }

        [Fact]
        public void Windows_are_made_as_they_are_asked_for()
        {
            var start = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var first = WindowSplitter.Split(start, Midnight, TimeSpan.FromMinutes(1), 1440).Take(2).ToList();
            Assert.Equal(start.AddDays(1), first[1].Start);
        }

        [Fact]
        public void Day_ranges_split_by_the_same_rule()
        {
            var range = new DateRange(D(2025, 1, 1), D(2025, 12, 31));
            var days = range.Split(180);
            var instants = WindowSplitter.Split(Midnight.AddYears(-1), Midnight, TimeSpan.FromDays(1), 180).ToList();
            Assert.Equal(instants.Select(w => (w.Start.UtcDateTime, w.End.UtcDateTime.AddDays(-1))), days.Select(d => (d.Start, d.End)));
            Assert.Equal(new[] { 180, 180, 5 }, days.Select(d => d.Days));
        }

        [Fact]
        public async Task Every_window_is_started_once_and_keeps_the_days_it_covers()
        {
            var asked = new ConcurrentQueue<DateRange>();
            var call = TestCalls.Create("sk-admin-abcdefghijklmnopqrstuvwxyz4321", TestCalls.OpenAI, new FakeHandler());
            var range = new DateRange(D(2025, 1, 1), D(2025, 8, 1));
            var windows = WindowRequests.Start(call, range, 100, (c, window) =>
            {
                asked.Enqueue(window);
                return Task.FromResult(window.Days);
            });

            Assert.Equal(range.Split(100).Select(w => (w.Start, w.End)), windows.Select(w => (w.Window.Start, w.Window.End)));
            Assert.Equal(windows.Count, asked.Count);
            Assert.Equal(new[] { 100, 100, 13 }, await WindowRequests.AllAsync(windows));
        }

        [Fact]
        public void The_forecast_widens_a_period_to_the_rates_seven_days_and_ends_today()
        {
            var today = D(2026, 3, 3);
            var widened = SpendRate.FetchRange(D(2026, 3, 1), today);
            Assert.Equal((D(2026, 2, 24), today), (widened.Start, widened.End));
            var mid = SpendRate.FetchRange(D(2026, 3, 1), D(2026, 3, 20));
            Assert.Equal((D(2026, 3, 1), D(2026, 3, 20)), (mid.Start, mid.End));
        }
    }
}
