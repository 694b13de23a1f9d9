using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Errors;
using OpenAIBilling.Legacy;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using OpenAIBilling.Usage;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The money of the cost records, to the last decimal: aggregation, window merges, relays, currencies.</summary>
    public class CostMoneyTests
    {
        private const string SessionKey = "sess-abcdefghijklmnopqrstuvwx5678";
        private const string RelayToken = "sk-relaytoken000000000000001234";
        private const string AdminKey = "sk-admin-abcdefghijklmnopqrstuvwxyz4321";
        private static readonly DateTime Today = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime Nov(int day) => new DateTime(2026, 11, day, 0, 0, 0, DateTimeKind.Utc);

        private static CostFact Fact(DateTime day, decimal usd, string? lineItem = null, string? project = null, decimal? quantity = null, string? unit = null) =>
            new CostFact(day, usd, lineItem, project, null, quantity, unit);

        [Fact]
        public void Aggregation_sums_exactly_and_only_inside_the_range()
        {
            var facts = new[]
            {
                Fact(Nov(1), 0.123455m, "gpt-4o-2024-08-06, input", "proj_alpha", 49382m, "tokens"),
                Fact(Nov(1), 0.23457m, "gpt-4o-2024-08-06, output", "proj_alpha", 23457m, "tokens"),
                Fact(Nov(2), 0.010105m, "gpt-4o-2024-08-06, input", "proj_beta", 4042m, "tokens"),
                Fact(Nov(2), 0.33333m, "gpt-4o-2024-08-06, output", "proj_beta", 33333m, "tokens"),
                Fact(Nov(3), 0.246910m, "gpt-4o-2024-08-06, input", "proj_alpha", 98764m, "tokens"),
                Fact(new DateTime(2026, 10, 31), 100m, "gpt-4o-2024-08-06, input", "proj_alpha", 1m, "tokens"),
            };
            var range = new DateRange(Nov(1), Nov(3));

            var total = Assert.Single(new CostAggregator(Array.Empty<CostGroupBy>(), SourceNames.Costs).Total(range, facts));
            Assert.Equal(0.94837m, total.AmountUsd);
            Assert.Equal(Nov(1), total.StartDate);
            Assert.Equal(Nov(3), total.EndDate);

            var byLine = new CostAggregator(new[] { CostGroupBy.LineItem }, SourceNames.Costs).Total(range, facts);
            Assert.Equal(new[] { "gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06, output" }, byLine.Select(r => r.LineItem));
            Assert.Equal(new[] { 0.38047m, 0.5679m }, byLine.Select(r => r.AmountUsd));
            Assert.Equal(new decimal?[] { 152188m, 56790m }, byLine.Select(r => r.Quantity));

            var byProject = new CostAggregator(new[] { CostGroupBy.Project }, SourceNames.Costs).Total(range, facts);
            Assert.Equal(new[] { 0.604935m, 0.343435m }, byProject.Select(r => r.AmountUsd));
            Assert.Equal(new decimal?[] { 171603m, 37375m }, byProject.Select(r => r.Quantity)); // one unit: tokens
        }

        [Theory]
        [InlineData(CostGranularity.Total)]
        [InlineData(CostGranularity.Daily)]
        public async Task Admin_costs_keep_only_the_asked_days_whatever_the_server_sends(CostGranularity granularity)
        {
            // Asked Nov 2..3; the server also sends Nov 1 and Nov 4.
            var handler = new FakeHandler().On("/v1/organization/costs", 200, Bodies.Costs((Nov(1), 5m), (Nov(2), 0.123455m), (Nov(3), 0.23457m), (Nov(4), 7m)));
            var records = new List<CostRecord>();
            await UsageQuery.RunAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), new DateRange(Nov(2), Nov(3)), Today, granularity, CostFilter.None, records.Add);
            Assert.Equal(0.358025m, records.Sum(r => r.AmountUsd));
            Assert.Equal(granularity == CostGranularity.Daily ? new[] { 0.123455m, 0.23457m } : new[] { 0.358025m }, records.Select(r => r.AmountUsd));
        }

        [Fact]
        public void Daily_records_give_every_ungrouped_day_and_only_non_zero_groups()
        {
            var facts = new[] { Fact(Nov(1), 1.5m, "a"), Fact(Nov(3), 0.25m, "a"), Fact(Nov(3), 0m, "b") };
            var range = new DateRange(Nov(1), Nov(3));
            var daily = new CostAggregator(Array.Empty<CostGroupBy>(), SourceNames.Costs).Daily(range, facts);
            Assert.Equal(new[] { 1.5m, 0m, 0.25m }, daily.Select(r => r.AmountUsd));
            Assert.Equal(new DateTime?[] { Nov(1), Nov(2), Nov(3) }, daily.Select(r => r.StartDate));

            var grouped = new CostAggregator(new[] { CostGroupBy.LineItem }, SourceNames.Costs).Daily(range, facts);
            Assert.Equal(new[] { (Nov(1), "a", 1.5m), (Nov(3), "a", 0.25m) }, grouped.Select(r => (r.StartDate!.Value, r.LineItem!, r.AmountUsd)));
        }

        [Fact]
        public void Merged_windows_of_mixed_shapes_count_each_windows_money_once()
        {
            var first = LegacyUsage.FromDays(new DateRange(Nov(1), Nov(2)), 1.5m, new[] { Day(Nov(1), 1m), Day(Nov(2), 0.5m) });
            var second = LegacyUsage.FromTotal(new DateRange(Nov(3), Nov(4)), 2.25m);
            var third = LegacyUsage.FromDays(new DateRange(Nov(5), Nov(5)), 0.75m, new[] { Day(Nov(5), 0.75m) });
            var merged = LegacyUsageMerge.Merge(new DateRange(Nov(1), Nov(5)), new[] { first, second, third });

            Assert.True(merged.HasDailyBreakdown);
            Assert.Equal(4.5m, merged.TotalUsd);
            Assert.Equal(new[] { Nov(1), Nov(2), Nov(5) }, merged.Days!.Select(d => d.Date));
            Assert.Same(second, Assert.Single(merged.TotalOnlyWindows));
            Assert.Equal(4.5m, merged.Facts().Sum(f => f.AmountUsd));
        }

        [Fact]
        public void Merged_windows_that_all_lack_a_breakdown_are_one_relay_total()
        {
            var windows = new[] { LegacyUsage.FromTotal(new DateRange(Nov(1), Nov(2)), 3.125m), LegacyUsage.FromTotal(new DateRange(Nov(3), Nov(4)), 3.125m) };
            var merged = LegacyUsageMerge.Merge(new DateRange(Nov(1), Nov(4)), windows);
            Assert.False(merged.HasDailyBreakdown);
            Assert.Equal(3.125m, merged.TotalUsd);
        }

        [Theory]
        [InlineData(CostGranularity.Total)]
        [InlineData(CostGranularity.Daily)]
        public async Task A_server_mixing_both_shapes_across_windows_loses_and_double_counts_nothing(CostGranularity granularity)
        {
            // 150 days: window 1 (100 days) has daily_costs, 25 cents a day; window 2 (50 days) only a total of 1234 cents.
            var range = new DateRange(Today.AddDays(-149), Today);
            var firstWindow = range.Split(100)[0];
            var handler = new FakeHandler().On("/v1/dashboard/billing/usage", request =>
            {
                var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
                return query["start_date"] == DateRange.Format(firstWindow.Start)
                    ? FakeHandler.Reply(200, Bodies.LegacyUsage(Enumerable.Range(0, 100).Select(d => (firstWindow.Start.AddDays(d), 25m)).ToArray()))
                    : FakeHandler.Reply(200, "{\"object\":\"list\",\"total_usage\":1234}");
            });
            var records = new List<CostRecord>();
            await UsageQuery.RunAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), range, Today, granularity, CostFilter.None, records.Add);

            Assert.Equal(37.34m, records.Sum(r => r.AmountUsd)); // 100 × 0.25 + 12.34
            if (granularity == CostGranularity.Daily)
            {
                Assert.Equal(101, records.Count);
                var last = records[records.Count - 1];
                Assert.Equal((range.Split(100)[1].Start, Today, 12.34m), (last.StartDate!.Value, last.EndDate, last.AmountUsd));
            }
            else
            {
                var record = Assert.Single(records);
                Assert.Equal(range.Start, record.StartDate);
            }
        }

        [Theory]
        [InlineData(CostGranularity.Total)]
        [InlineData(CostGranularity.Daily)]
        public async Task A_relay_record_covers_the_tokens_life_up_to_today_with_one_warning_naming_the_key(CostGranularity granularity)
        {
            var handler = new FakeHandler().On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var log = new CollectingLog();
            var records = new List<CostRecord>();
            var yesterday = DateRangeResolver.FromPeriod(Period.Yesterday, Today);
            await UsageQuery.RunAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, log: log), yesterday, Today, granularity, CostFilter.None, records.Add);

            var record = Assert.Single(records);
            Assert.Null(record.StartDate);
            Assert.Equal(Today, record.EndDate);
            Assert.Equal(3.125m, record.AmountUsd);
            var warning = Assert.Single(log.Messages, m => m.StartsWith("WARNING: ", StringComparison.Ordinal));
            Assert.Contains("sk-...1234", warning);
            Assert.Contains("2026-11-19", warning);
        }

        [Fact]
        public async Task A_relay_asked_for_all_time_warns_of_nothing()
        {
            var handler = new FakeHandler().On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var log = new CollectingLog();
            var records = new List<CostRecord>();
            await UsageQuery.RunAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, log: log),
                new DateRange(RelayUsage.AllTimeStart, Today), Today, CostGranularity.Total, CostFilter.None, records.Add);
            Assert.Null(Assert.Single(records).StartDate);
            Assert.DoesNotContain(log.Messages, m => m.StartsWith("WARNING: ", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("/v1/organization/costs", "{\"object\":\"page\",\"data\":[{\"object\":\"bucket\",\"start_time\":1730419200,\"end_time\":1730505600,\"results\":[{\"object\":\"organization.costs.result\",\"amount\":{\"value\":0.06,\"currency\":\"eur\"}}]}],\"has_more\":false}")]
        [InlineData("/v1/organization/spend_limit", "{\"object\":\"organization.spend_limit\",\"threshold_amount\":10000,\"currency\":\"CNY\",\"interval\":\"month\"}")]
        public async Task Money_in_another_currency_is_InvalidResponse(string path, string body)
        {
            var handler = new FakeHandler()
                .On("/v1/organization/spend_limit", 200, path.EndsWith("spend_limit", StringComparison.Ordinal) ? body : Fixtures.Text("spend-limit.openai-openapi.json"))
                .On("/v1/organization/costs", 200, path.EndsWith("costs", StringComparison.Ordinal) ? body : Fixtures.Text("costs.openai-openapi.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), BalanceSource.SpendLimit, Today));
            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.Contains("not US dollars", error.Message);
        }

        [Fact]
        public async Task Currency_USD_in_any_case_is_accepted()
        {
            var handler = new FakeHandler()
                .On("/v1/organization/spend_limit", 200, "{\"object\":\"organization.spend_limit\",\"threshold_amount\":10000,\"currency\":\"usd\"}")
                .On("/v1/organization/costs", 200, Bodies.Costs((Nov(2), 0.06m)));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), BalanceSource.SpendLimit, Today);
            Assert.Equal(99.94m, balance.AvailableUsd);
        }

        private static DailyCost Day(DateTime date, decimal usd) => new DailyCost(date, new[] { new LineItemCost("Chat models", usd) });
    }
}
