using System;
using System.Collections.Generic;
using OpenAIBilling.Sources;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class ForecastTests
    {
        private static DateTime D(int day) => new DateTime(2026, 11, day, 0, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void The_rate_is_the_mean_of_the_last_seven_complete_days()
        {
            // Days 1..28 fetched; today is the 29th of a 30-day month. Days 22..28 spend 1..7 USD: mean 4.
            var daily = new Dictionary<DateTime, decimal>();
            for (int day = 1; day <= 28; day++)
            {
                daily[D(day)] = day >= 22 ? day - 21 : 100m;
            }

            var balance = new Balance { LimitUsd = 3000m, UsedUsd = 2800m, AvailableUsd = 200m };
            Forecast.Apply(balance, D(1), D(30), D(29), daily, D(1));

            Assert.Equal(4m, balance.DailyAverageUsd);
            Assert.Equal(2804m, balance.ProjectedPeriodUsd);
            Assert.Null(balance.ProjectedExhaustion);
        }

        [Fact]
        public void Exhaustion_is_today_plus_the_days_the_money_lasts_when_within_the_period()
        {
            var daily = new Dictionary<DateTime, decimal> { [D(1)] = 10m, [D(2)] = 20m, [D(3)] = 30m };
            var balance = new Balance { LimitUsd = 100m, UsedUsd = 60m, AvailableUsd = 40m };
            Forecast.Apply(balance, D(1), D(30), D(4), daily, D(1));

            Assert.Equal(20m, balance.DailyAverageUsd);
            Assert.Equal(60m + (20m * 26), balance.ProjectedPeriodUsd);
            Assert.Equal(D(6), balance.ProjectedExhaustion);
        }

        [Fact]
        public void Days_fetched_without_spend_count_as_zero()
        {
            var balance = new Balance { LimitUsd = 100m, UsedUsd = 7m, AvailableUsd = 93m };
            Forecast.Apply(balance, D(1), D(30), D(8), new Dictionary<DateTime, decimal> { [D(7)] = 7m }, D(1));
            Assert.Equal(1m, balance.DailyAverageUsd);
        }

        [Fact]
        public void There_is_no_forecast_on_the_first_day_of_the_period()
        {
            var balance = new Balance { LimitUsd = 100m, UsedUsd = 1m, AvailableUsd = 99m };
            Forecast.Apply(balance, D(1), D(30), D(1), new Dictionary<DateTime, decimal> { [D(1)] = 1m }, D(1));
            Assert.Null(balance.DailyAverageUsd);
            Assert.Null(balance.ProjectedPeriodUsd);
            Assert.Null(balance.ProjectedExhaustion);
        }
    }
}
