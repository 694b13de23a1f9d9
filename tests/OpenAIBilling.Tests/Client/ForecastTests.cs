using System;
using System.Globalization;
using OpenAIBilling.Forecasting;
using OpenAIBilling.Sources;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The forecast's arithmetic on known daily series; "today" is fixed, never the clock.</summary>
    public class ForecastTests
    {
        private static DateTime Nov(int day) => new DateTime(2026, 11, day, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime Dec(int day) => new DateTime(2026, 12, day, 0, 0, 0, DateTimeKind.Utc);

        private static SpendRate Week(decimal usd) => SpendRate.FromWeekUsd(usd);

        [Fact]
        public void The_rate_is_the_mean_of_the_seven_complete_days_before_today()
        {
            // Nov 1..12 spend 100 a day, Nov 13..19 spend 1..7 (mean 4), today (Nov 20, incomplete) 50.
            var spend = new DailySpend();
            for (int day = 1; day <= 12; day++)
            {
                spend.Add(Nov(day), 100m);
            }

            for (int day = 13; day <= 19; day++)
            {
                spend.Add(Nov(day), day - 12);
            }

            spend.Add(Nov(20), 50m);
            var rate = SpendRate.Of(spend, Nov(20));
            Assert.Equal(28m, rate.LastDaysUsd);

            var balance = new Balance { LimitUsd = 2000m, UsedUsd = 1278m, AvailableUsd = 722m };
            Forecast.Apply(balance, Nov(20), rate, Nov(30), expiresAt: null);
            Assert.Equal(4m, balance.DailyAverageUsd);
            Assert.Equal(1318m, balance.ProjectedPeriodUsd); // 1278 + 4 × 10 days after today
            Assert.Null(balance.ProjectedExhaustion); // 722 ÷ 4 = 181 days: the limit resets first
        }

        [Fact]
        public void On_the_first_day_of_a_month_the_rate_comes_from_the_last_days_of_the_previous_one()
        {
            var spend = new DailySpend();
            for (int day = 24; day <= 30; day++)
            {
                spend.Add(Nov(day), 2m);
            }

            spend.Add(Dec(1), 3m);
            Assert.Equal(new DateTime(2026, 11, 24), SpendRate.FetchFrom(Dec(1), Dec(1)));

            var balance = new Balance { LimitUsd = 50m, UsedUsd = 3m, AvailableUsd = 47m };
            Forecast.Apply(balance, Dec(1), SpendRate.Of(spend, Dec(1)), Dec(31), expiresAt: null);
            Assert.Equal(2m, balance.DailyAverageUsd);
            Assert.Equal(63m, balance.ProjectedPeriodUsd); // 3 + 2 × 30
            Assert.Equal(Dec(25), balance.ProjectedExhaustion); // 47 ÷ 2 = 23.5 → 24 days
        }

        [Fact]
        public void The_fetch_starts_at_the_period_start_when_that_is_earlier_than_a_week_ago()
        {
            Assert.Equal(Nov(1), SpendRate.FetchFrom(Nov(1), Nov(20)));
            Assert.Equal(Nov(1), SpendRate.FetchFrom(Nov(1), Nov(8)));
            Assert.Equal(Nov(1), SpendRate.FetchFrom(Nov(3), Nov(8)));
            Assert.Equal(new DateTime(2026, 11, 13), SpendRate.Window(Nov(20)).Start);
            Assert.Equal(new DateTime(2026, 11, 19), SpendRate.Window(Nov(20)).End);
        }

        [Fact]
        public void A_rate_of_zero_projects_the_spend_so_far_and_no_exhaustion()
        {
            var balance = new Balance { LimitUsd = 10m, UsedUsd = 12m, AvailableUsd = -2m };
            Forecast.Apply(balance, Nov(20), Week(0m), Nov(30), expiresAt: null);
            Assert.Equal(0m, balance.DailyAverageUsd);
            Assert.Equal(12m, balance.ProjectedPeriodUsd);
            Assert.Null(balance.ProjectedExhaustion);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-3.5")]
        public void Money_already_gone_runs_out_today(string availableText)
        {
            decimal available = decimal.Parse(availableText, CultureInfo.InvariantCulture);
            var balance = new Balance { LimitUsd = 10m, UsedUsd = 10m - available, AvailableUsd = available };
            Forecast.Apply(balance, Nov(20), Week(7m), Nov(30), expiresAt: null);
            Assert.Equal(Nov(20), balance.ProjectedExhaustion);
        }

        [Fact]
        public void Exhaustion_on_the_periods_last_day_is_within_the_period_and_a_day_later_is_not()
        {
            var lastDay = new Balance { UsedUsd = 60m, AvailableUsd = 40m };
            Forecast.Apply(lastDay, Nov(20), Week(28m), Nov(30), expiresAt: null); // 4 a day: 10 days
            Assert.Equal(Nov(30), lastDay.ProjectedExhaustion);

            var dayAfter = new Balance { UsedUsd = 60m, AvailableUsd = 40.01m };
            Forecast.Apply(dayAfter, Nov(20), Week(28m), Nov(30), expiresAt: null); // 11 days
            Assert.Null(dayAfter.ProjectedExhaustion);
        }

        [Fact]
        public void Grants_that_expire_before_the_money_runs_out_give_no_exhaustion()
        {
            var expiresFirst = new Balance { UsedUsd = 5m, AvailableUsd = 10m };
            Forecast.Apply(expiresFirst, Nov(20), Week(7m), periodEnd: null, expiresAt: new DateTimeOffset(Nov(25), TimeSpan.Zero));
            Assert.Equal(1m, expiresFirst.DailyAverageUsd);
            Assert.Null(expiresFirst.ProjectedPeriodUsd); // no period
            Assert.Null(expiresFirst.ProjectedExhaustion);

            var sameDay = new Balance { UsedUsd = 5m, AvailableUsd = 10m };
            Forecast.Apply(sameDay, Nov(20), Week(7m), periodEnd: null, expiresAt: new DateTimeOffset(Nov(30), TimeSpan.Zero));
            Assert.Null(sameDay.ProjectedExhaustion);

            var runsOutFirst = new Balance { UsedUsd = 5m, AvailableUsd = 10m };
            Forecast.Apply(runsOutFirst, Nov(20), Week(7m), periodEnd: null, expiresAt: new DateTimeOffset(Dec(20), TimeSpan.Zero));
            Assert.Equal(Nov(30), runsOutFirst.ProjectedExhaustion);
        }

        [Fact]
        public void Whole_days_are_exact_even_when_the_rate_has_no_finite_decimal()
        {
            // 20 a week is 2.857142857… a day; 20 lasts exactly 7 days, not 8.
            var balance = new Balance { UsedUsd = 0m, AvailableUsd = 20m };
            Forecast.Apply(balance, Nov(20), Week(20m), Dec(31), expiresAt: null);
            Assert.Equal(2.857143m, balance.DailyAverageUsd);
            Assert.Equal(Nov(27), balance.ProjectedExhaustion);
        }

        [Fact]
        public void Derived_figures_round_midpoints_away_from_zero()
        {
            // 0.0000035 a week is 0.0000005 a day: banker's rounding would give 0.
            var balance = new Balance { UsedUsd = 1m };
            Forecast.Apply(balance, Nov(20), Week(0.0000035m), Nov(30), expiresAt: null);
            Assert.Equal(0.000001m, balance.DailyAverageUsd);
            Assert.Equal(1.000005m, balance.ProjectedPeriodUsd); // 1 + 0.0000005 × 10

            var percent = BalanceMath.Complete(new Balance { LimitUsd = 1000m, UsedUsd = 123.45m });
            Assert.Equal(12.35m, percent.PercentUsed); // 12.345 %, not 12.34 %
            Assert.Equal(876.55m, percent.AvailableUsd);
        }

        [Fact]
        public void Projected_period_spend_is_exact_to_six_decimals()
        {
            var balance = new Balance { UsedUsd = 1m };
            Forecast.Apply(balance, Nov(20), Week(10m), Nov(30), expiresAt: null);
            Assert.Equal(1.428571m, balance.DailyAverageUsd);
            Assert.Equal(15.285714m, balance.ProjectedPeriodUsd); // 1 + 100 ÷ 7
        }
    }
}
