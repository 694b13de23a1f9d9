using System;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Errors;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using OpenAIBilling.Usage;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class AdminTests
    {
        private const string AdminKey = "sk-admin-abcdefghijklmnopqrstuvwxyz4321";
        private const string ProjectKey = "sk-proj-abcdefghijklmnopqrstuvwxyz9999";
        private static readonly DateTime Today = DateTime.UtcNow.Date;

        /// <summary>The day of the costs fixtures' bucket (2024-11-01): it starts in this month.</summary>
        private static readonly DateTime FixtureMonth = new DateTime(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData("costs.openai-openapi.json", 0.06)]
        [InlineData("costs.openai-openapi-2025-06.json", 0.06)]
        public async Task Every_costs_fixture_parses_to_its_amount(string fixture, double amount)
        {
            var handler = new FakeHandler().On("/v1/organization/costs", 200, Fixtures.Text(fixture));
            var facts = await OrganizationCosts.GetAllAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), new DateRange(Today, Today), CostFilter.None);
            var fact = Assert.Single(facts);
            Assert.Equal((decimal)amount, fact.AmountUsd);
            Assert.Equal(new DateTime(2024, 11, 1), fact.Day);
        }

        [Fact]
        public async Task Costs_pages_are_followed_until_has_more_is_false()
        {
            string second = Fixtures.Text("costs.openai-openapi.json");
            var handler = new FakeHandler().On("/v1/organization/costs", request =>
                FakeHandler.Reply(200, request.RequestUri!.Query.Contains("page=") ? second : Fixtures.Text("costs.built-from-schema-grouped.json")));
            var facts = await OrganizationCosts.GetAllAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), new DateRange(Today.AddDays(-2), Today),
                new CostFilter { GroupBy = new[] { CostGroupBy.LineItem, CostGroupBy.Project } });

            Assert.Equal(3, facts.Count);
            Assert.Equal(0.24m, facts.Sum(f => f.AmountUsd));
            var uris = handler.Uris("/v1/organization/costs").ToList();
            Assert.Equal(2, uris.Count);
            var next = HttpUtility.ParseQueryString(uris[1].Query);
            Assert.Equal("page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=", next["page"]);
            Assert.Contains("group_by%5B%5D=line_item&group_by%5B%5D=project_id", uris[0].AbsoluteUri);
        }

        [Fact]
        public async Task A_365_day_costs_query_asks_two_windows_of_at_most_180_days_at_once()
        {
            var handler = new FakeHandler().On("/v1/organization/costs", 200, "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}");
            var range = new DateRange(new DateTime(2025, 1, 1), new DateTime(2025, 12, 31));
            await OrganizationCosts.GetAllAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), range, CostFilter.None);

            var queries = handler.Uris("/v1/organization/costs").Select(u => HttpUtility.ParseQueryString(u.Query)).OrderBy(q => long.Parse(q["start_time"]!)).ToList();
            Assert.Equal(new[] { "180", "180", "5" }, queries.Select(q => q["limit"]));
            Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(), queries[0]["start_time"]);
            Assert.Equal(queries[0]["end_time"], queries[1]["start_time"]);
            Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(), queries[2]["end_time"]);
        }

        [Fact]
        public async Task Amounts_as_strings_and_misspelt_object_names_parse_exactly()
        {
            string body = "{\"object\":\"page\",\"data\":[{\"object\":\"bucket\",\"start_time\":1730419200.5,\"end_time\":1730505600,\"results\":[" +
                          "{\"object\":\"orgainzation.costs.result\",\"amount\":{\"value\":\"0.1000000000000000055511\",\"currency\":\"usd\"}}," +
                          "{\"object\":\"organization.costs.result\",\"amount\":{\"value\":0.2,\"currency\":\"usd\"},\"unknown\":[1,2]}]}],\"has_more\":false}";
            var handler = new FakeHandler().On("/v1/organization/costs", 200, body);
            var facts = await OrganizationCosts.GetAllAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), new DateRange(Today, Today), CostFilter.None);
            Assert.Equal(0.3000000000000000055511m, facts.Sum(f => f.AmountUsd));
        }

        [Fact]
        public async Task Spend_limit_is_cents_and_the_balance_is_limit_minus_month_costs()
        {
            var handler = new FakeHandler()
                .On("/v1/organization/spend_limit", 200, Fixtures.Text("spend-limit.openai-openapi.json"))
                .On("/v1/organization/costs", 200, Fixtures.Text("costs.openai-openapi.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), BalanceSource.Auto, FixtureMonth);
            Assert.Equal("SpendLimit", balance.Source);
            Assert.Equal(100m, balance.LimitUsd);
            Assert.Equal(0.06m, balance.UsedUsd);
            Assert.Equal(99.94m, balance.AvailableUsd);
            Assert.Equal(0.06m, balance.PercentUsed);
        }

        [Fact]
        public async Task No_spend_limit_set_leaves_limit_and_available_empty_but_gives_used()
        {
            var handler = new FakeHandler()
                .On("/v1/organization/spend_limit", 404, "{\"error\":{\"message\":\"No spend limit is set for this organization.\",\"type\":\"invalid_request_error\",\"code\":\"not_found\"}}")
                .On("/v1/organization/costs", 200, Fixtures.Text("costs.openai-openapi.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), BalanceSource.Auto, FixtureMonth);
            Assert.Null(balance.LimitUsd);
            Assert.Null(balance.AvailableUsd);
            Assert.Equal(0.06m, balance.UsedUsd);
        }

        [Fact]
        public async Task A_spend_limit_Invalid_URL_404_is_EndpointNotFound()
        {
            var handler = new FakeHandler().On("/v1/organization/costs", 200, Fixtures.Text("costs.openai-openapi.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.NewRelay(), handler), BalanceSource.Auto, Today));
            Assert.Equal(BillingErrorId.BalanceNotAvailable, error.ErrorId);
        }

        [Fact]
        public async Task A_project_key_on_an_admin_endpoint_is_AdminKeyRequired()
        {
            var handler = new FakeHandler().On("/v1/organization/", 401, "{\"error\":{\"message\":\"You have insufficient permissions for this operation. Missing scopes: api.usage.read.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(ProjectKey, TestCalls.OpenAI, handler), BalanceSource.SpendLimit, Today));
            Assert.Equal(BillingErrorId.AdminKeyRequired, error.ErrorId);
            Assert.Equal(AdviceKind.AdminKeyNeeded, error.Advice.Kind); // worded with the admin-keys page: AdviceWordingTests
        }

        [Fact]
        public async Task Project_spend_limit_gives_interval_and_enforcement()
        {
            var handler = new FakeHandler().On("/v1/organization/projects/proj_abc/spend_limit", 200, Fixtures.Text("project-spend-limit.openai-openapi.json"));
            var subscription = await SubscriptionQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), "proj_abc");
            Assert.Equal("SpendLimit", subscription.Source);
            Assert.Equal(100m, subscription.HardLimitUsd);
            Assert.Equal("month", subscription.Interval);
            Assert.Equal("enforcing", subscription.EnforcementStatus);
            Assert.Equal("proj_abc", subscription.ProjectId);
        }
    }
}
