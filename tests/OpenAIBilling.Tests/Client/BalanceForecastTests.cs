using System;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>
    /// Each source's month, its forecast from day one and its request windows, on known daily series; "today" is a
    /// fixed date handed to the query, never the clock.
    /// </summary>
    public class BalanceForecastTests
    {
        private const string AdminKey = "sk-admin-abcdefghijklmnopqrstuvwxyz4321";
        private const string SessionKey = "sess-abcdefghijklmnopqrstuvwx5678";
        private static readonly DateTime FirstOfDecember = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime Nov(int day) => new DateTime(2026, 11, day, 0, 0, 0, DateTimeKind.Utc);

        [Fact]
        public async Task An_Admin_key_gets_a_forecast_on_the_first_day_of_the_month_from_the_same_costs_request()
        {
            // Nov 24..30 spend 2 a day, Dec 1 (today) 3; the server also sends a bucket of Oct 31 it was not asked for.
            var days = Enumerable.Range(24, 7).Select(d => (Nov(d), 2m)).Concat(new[] { (FirstOfDecember, 3m), (new DateTime(2026, 10, 31), 1000m) }).ToArray();
            var handler = new FakeHandler()
                .On("/v1/organization/spend_limit", 200, Fixtures.Text("spend-limit.openai-openapi.json"))
                .On("/v1/organization/costs", 200, Bodies.Costs(days));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), BalanceSource.Auto, FirstOfDecember);

            Assert.Equal(100m, balance.LimitUsd);
            Assert.Equal(3m, balance.UsedUsd); // only the bucket that starts in December
            Assert.Equal(97m, balance.AvailableUsd);
            Assert.Equal(3m, balance.PercentUsed);
            Assert.Equal(FirstOfDecember, balance.PeriodStart);
            Assert.Equal(FirstOfDecember, balance.PeriodEnd);
            Assert.Equal(2m, balance.DailyAverageUsd);
            Assert.Equal(63m, balance.ProjectedPeriodUsd); // 3 + 2 × 30
            Assert.Null(balance.ProjectedExhaustion); // 97 ÷ 2 → Jan 19: the limit resets first
            Assert.Equal(BalanceStatus.Active, balance.Status);

            var costs = Assert.Single(handler.Uris("/v1/organization/costs"));
            var query = HttpUtility.ParseQueryString(costs.Query);
            Assert.Equal(Bodies.Unix(Nov(24)).ToString(), query["start_time"]);
            Assert.Equal(Bodies.Unix(FirstOfDecember.AddDays(1)).ToString(), query["end_time"]);
            Assert.Equal("8", query["limit"]);
        }

        [Fact]
        public async Task Mid_month_only_buckets_that_start_in_the_month_are_its_spend()
        {
            // Nov 1..20 spend 1.25 a day; the server adds Oct 30 and Oct 31, which are not the month's.
            var days = Enumerable.Range(1, 20).Select(d => (Nov(d), 1.25m)).Concat(new[] { (new DateTime(2026, 10, 30), 7m), (new DateTime(2026, 10, 31), 7m) }).ToArray();
            var handler = new FakeHandler()
                .On("/v1/organization/spend_limit", 200, Fixtures.Text("spend-limit.openai-openapi.json"))
                .On("/v1/organization/costs", 200, Bodies.Costs(days));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), BalanceSource.SpendLimit, Nov(20));

            Assert.Equal(25m, balance.UsedUsd);
            Assert.Equal(75m, balance.AvailableUsd);
            Assert.Equal(25m, balance.PercentUsed);
            Assert.Equal(1.25m, balance.DailyAverageUsd);
            Assert.Equal(37.5m, balance.ProjectedPeriodUsd); // 25 + 1.25 × 10
            Assert.Null(balance.ProjectedExhaustion); // 75 ÷ 1.25 = 60 days
            var query = HttpUtility.ParseQueryString(Assert.Single(handler.Uris("/v1/organization/costs")).Query);
            Assert.Equal(Bodies.Unix(Nov(1)).ToString(), query["start_time"]);
        }

        [Fact]
        public async Task A_session_keys_month_leaves_out_the_days_asked_only_for_the_rate()
        {
            // Nov 24..30 cost 150 cents a day, Dec 1 (today) 40 cents: total_usage 1090 cents.
            var days = Enumerable.Range(24, 7).Select(d => (Nov(d), 150m)).Concat(new[] { (FirstOfDecember, 40m) }).ToArray();
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, Fixtures.Text("legacy-subscription.sharegpt-readme.json"))
                .On("/v1/dashboard/billing/usage", 200, Bodies.LegacyUsage(days));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), BalanceSource.Auto, FirstOfDecember);

            Assert.Equal("Subscription", balance.Source);
            Assert.Equal(0.4m, balance.UsedUsd);
            Assert.Equal(9999.59996m, balance.AvailableUsd);
            Assert.Equal(FirstOfDecember, balance.PeriodStart);
            Assert.Equal(1.5m, balance.DailyAverageUsd);
            Assert.Equal(45.4m, balance.ProjectedPeriodUsd); // 0.4 + 1.5 × 30
            var query = HttpUtility.ParseQueryString(Assert.Single(handler.Uris("/v1/dashboard/billing/usage")).Query);
            Assert.Equal("2026-11-24", query["start_date"]);
            Assert.Equal("2026-12-02", query["end_date"]);
        }

        [Fact]
        public async Task Credit_grants_of_a_session_key_run_out_at_the_last_weeks_rate_unless_they_expire_first()
        {
            // Nov 23..29 cost 100 cents a day: 1 USD a day; 15 USD left on Nov 30 lasts until Dec 15.
            var week = Enumerable.Range(23, 7).Select(d => (Nov(d), 100m)).ToArray();
            var lasting = await Grants(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), week);
            Assert.Equal(15m, lasting.Balance.AvailableUsd);
            Assert.Equal(1m, lasting.Balance.DailyAverageUsd);
            Assert.Null(lasting.Balance.ProjectedPeriodUsd);
            Assert.Equal(new DateTime(2026, 12, 15), lasting.Balance.ProjectedExhaustion);
            var query = HttpUtility.ParseQueryString(Assert.Single(lasting.Handler.Uris("/v1/dashboard/billing/usage")).Query);
            Assert.Equal("2026-11-23", query["start_date"]);
            Assert.Equal("2026-11-30", query["end_date"]);

            var expiring = await Grants(new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero), week);
            Assert.Equal(1m, expiring.Balance.DailyAverageUsd);
            Assert.Null(expiring.Balance.ProjectedExhaustion);
        }

        [Fact]
        public async Task Credit_grants_without_a_usage_endpoint_are_still_an_answer_without_a_forecast()
        {
            var handler = new FakeHandler().On("/v1/dashboard/billing/credit_grants", 200, Bodies.CreditGrants(20m, 5m, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.NewRelay(), handler), BalanceSource.CreditGrants, Nov(30));
            Assert.Equal(15m, balance.AvailableUsd);
            Assert.Null(balance.DailyAverageUsd);
        }

        private static async Task<(Balance Balance, FakeHandler Handler)> Grants(DateTimeOffset expiresAt, (DateTime, decimal)[] week)
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/credit_grants", 200, Bodies.CreditGrants(20m, 5m, expiresAt))
                .On("/v1/dashboard/billing/usage", 200, Bodies.LegacyUsage(week));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), BalanceSource.CreditGrants, Nov(30));
            Assert.Equal("CreditGrants", balance.Source);
            return (balance, handler);
        }
    }
}
