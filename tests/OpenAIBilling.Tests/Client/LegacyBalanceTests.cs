using System;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using OpenAIBilling.Errors;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class LegacyBalanceTests
    {
        private const string RelayToken = "sk-relaytoken000000000000001234";
        private const string SessionKey = "sess-abcdefghijklmnopqrstuvwx5678";
        private const string ProjectKey = "sk-proj-abcdefghijklmnopqrstuvwxyz9999";
        private static readonly DateTime Today = DateTime.UtcNow.Date;

        private static FakeHandler Relay(string subscriptionFixture) => new FakeHandler()
            .On("/v1/dashboard/billing/subscription", 200, Fixtures.Text(subscriptionFixture))
            .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));

        [Fact]
        public async Task Balance_of_relay_token_is_hard_limit_minus_usage()
        {
            var handler = Relay("legacy-subscription.one-api-relay.json");
            var call = TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler);
            var balance = call.Stamp(await BalanceQuery.GetAsync(call, BalanceSource.Auto, Today));

            Assert.Equal("Subscription", balance.Source);
            Assert.Equal(25.5m, balance.LimitUsd);
            Assert.Equal(3.125m, balance.UsedUsd);
            Assert.Equal(22.375m, balance.AvailableUsd);
            Assert.Equal(12.25m, balance.PercentUsed);
            Assert.Null(balance.ExpiresAt);
            Assert.False(balance.IsUnlimited);
            Assert.Null(balance.PeriodStart);
            Assert.Null(balance.DailyAverageUsd);
            Assert.Equal("sk-...1234", balance.KeyHint);
            Assert.Equal("test", balance.Name);
        }

        [Theory]
        [InlineData("{\"object\":\"list\",\"daily_costs\":null,\"total_usage\":312.5}")]
        [InlineData("{\"object\":\"list\",\"daily_costs\":[],\"total_usage\":312.5}")]
        [InlineData("{\"object\":\"list\",\"total_usage\":\"312.5\"}")]
        public async Task Relay_usage_without_a_daily_breakdown_is_its_total(string usage)
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, Fixtures.Text("legacy-subscription.one-api-relay.json"))
                .On("/v1/dashboard/billing/usage", 200, usage);
            var call = TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler);
            var records = new System.Collections.Generic.List<CostRecord>();
            await Queries.UsageQuery.RunAsync(call, new Dates.DateRange(Today.AddDays(-200), Today), Today, Usage.CostGranularity.Daily, Admin.CostFilter.None, records.Add);
            var record = Assert.Single(records);
            Assert.Equal(3.125m, record.AmountUsd);
            Assert.Null(record.StartDate);
            Assert.Equal(Today, record.EndDate);
        }

        [Fact]
        public async Task Unlimited_relay_token_has_no_limit_and_keeps_its_expiry()
        {
            var handler = Relay("legacy-subscription.one-api-relay-unlimited-token.json");
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, Today);

            Assert.True(balance.IsUnlimited);
            Assert.Null(balance.LimitUsd);
            Assert.Null(balance.AvailableUsd);
            Assert.Null(balance.PercentUsed);
            Assert.Equal(3.125m, balance.UsedUsd);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), balance.ExpiresAt);
        }

        [Fact]
        public async Task Subscription_and_month_usage_are_asked_together_and_usage_is_cents()
        {
            var today = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, Fixtures.Text("legacy-subscription.sharegpt-readme.json"))
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.chattool-test.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), BalanceSource.Auto, today);

            Assert.Equal(9999.99996m, balance.LimitUsd);
            Assert.Equal(1.06619m, balance.UsedUsd);
            Assert.Equal(9998.93377m, balance.AvailableUsd);
            Assert.Null(balance.ExpiresAt);
            var usage = Assert.Single(handler.Uris("/v1/dashboard/billing/usage"));
            var query = HttpUtility.ParseQueryString(usage.Query);
            Assert.Equal("2026-11-24", query["start_date"]); // the month, and the 7 days before today for the rate
            Assert.Equal("2026-12-02", query["end_date"]);
            Assert.Equal(today, balance.PeriodStart);
            Assert.Equal(today, balance.PeriodEnd);
        }

        [Fact]
        public async Task Without_a_payment_method_usage_covers_the_last_100_days()
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, Fixtures.Text("legacy-subscription.chattool-test.json"))
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.chattool-test.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), BalanceSource.Subscription, Today);

            var queries = handler.Uris("/v1/dashboard/billing/usage").Select(u => HttpUtility.ParseQueryString(u.Query)).ToList();
            Assert.Equal(2, queries.Count);
            Assert.Contains(queries, q => q["start_date"] == Today.AddDays(-99).ToString("yyyy-MM-dd") && q["end_date"] == Today.AddDays(1).ToString("yyyy-MM-dd"));
            Assert.Equal(5.00004m, balance.LimitUsd);
            Assert.Equal(1.06619m, balance.UsedUsd);
            Assert.Equal(Today.AddDays(-99), balance.PeriodStart);
        }

        [Fact]
        public async Task Credit_grants_give_granted_used_and_left_with_the_earliest_live_expiry()
        {
            var handler = new FakeHandler().On("/v1/dashboard/billing/credit_grants", 200, Fixtures.Text("credit-grants.light-gpt-issue29.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), BalanceSource.CreditGrants, Today);

            Assert.Equal("CreditGrants", balance.Source);
            Assert.Equal(18m, balance.LimitUsd);
            Assert.Equal(0.178104m, balance.UsedUsd);
            Assert.Equal(17.821896m, balance.AvailableUsd);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1688169600), balance.ExpiresAt);
            Assert.Equal(BalanceStatus.Expired, balance.Status); // the grant with money left expired in 2023
        }

        [Fact]
        public async Task An_empty_grant_list_is_zero_with_no_expiry()
        {
            var handler = new FakeHandler().On("/v1/dashboard/billing/credit_grants", 200, Fixtures.Text("credit-grants.lmmsoft-blog-empty.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), BalanceSource.CreditGrants, Today);
            Assert.Equal(0m, balance.LimitUsd);
            Assert.Equal(0m, balance.AvailableUsd);
            Assert.Null(balance.ExpiresAt);
        }

        [Fact]
        public async Task Session_key_falls_back_to_credit_grants_when_subscription_needs_another_path()
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 404, "{\"error\":{\"message\":\"Invalid URL (GET /v1/dashboard/billing/subscription)\",\"type\":\"invalid_request_error\"}}")
                .On("/dashboard/billing/subscription", 404, "{\"error\":{\"message\":\"Invalid URL (GET /dashboard/billing/subscription)\",\"type\":\"invalid_request_error\"}}")
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.chattool-test.json"))
                .On("/v1/dashboard/billing/credit_grants", 200, Fixtures.Text("credit-grants.light-gpt-issue29.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.NewRelay(), handler), BalanceSource.Auto, Today);
            Assert.Equal("CreditGrants", balance.Source);
        }

        [Fact]
        public async Task Short_dashboard_paths_are_tried_once_on_404_and_remembered_per_host()
        {
            var relay = TestCalls.NewRelay();
            var handler = new FakeHandler()
                .On("/dashboard/billing/subscription", 200, Fixtures.Text("legacy-subscription.one-api-relay.json"))
                .On("/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var first = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), BalanceSource.Subscription, Today);
            var second = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), BalanceSource.Subscription, Today);

            Assert.Equal(22.375m, first.AvailableUsd);
            Assert.Equal(22.375m, second.AvailableUsd);
            Assert.Equal(1, handler.Count("/v1/dashboard/billing/subscription"));
            Assert.Equal(2, handler.Count("/dashboard/billing/subscription"));
        }

        [Theory]
        [InlineData(404, "{\"error\":{\"message\":\"Not Found\"}}", "application/json")]
        [InlineData(405, "", "text/plain")]
        [InlineData(200, "<!doctype html><html><body>relay console</body></html>", "text/html")]
        [InlineData(200, "{\"success\":false,\"message\":\"unknown route\"}", "application/json")]
        public async Task A_host_without_balances_is_probed_once_and_remembered(int status, string body, string contentType)
        {
            var relay = TestCalls.NewRelay();
            var handler = Relay("legacy-subscription.one-api-relay.json").On("/v1/balances", _ =>
            {
                var reply = FakeHandler.Reply(status, body);
                reply.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                return reply;
            });
            for (int i = 0; i < 3; i++)
            {
                var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), BalanceSource.Auto, Today);
                Assert.Equal("Subscription", balance.Source);
            }

            Assert.Equal(1, handler.Count("/v1/balances"));
        }

        [Fact]
        public async Task A_failed_probe_decides_nothing_and_the_next_key_asks_again()
        {
            var relay = TestCalls.NewRelay();
            int calls = 0;
            var handler = Relay("legacy-subscription.one-api-relay.json").On("/v1/balances", _ =>
                System.Threading.Interlocked.Increment(ref calls) == 1
                    ? FakeHandler.Reply(401, "{\"error\":{\"message\":\"无效的令牌\",\"type\":\"one_api_error\"}}")
                    : FakeHandler.Reply(200, "{\"object\":\"balance\",\"total_granted_usd\":10,\"total_used_usd\":4,\"total_available_usd\":6,\"expires_at\":0}"));
            var first = await Assert.ThrowsAsync<BillingException>(() => BalanceQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), BalanceSource.Auto, Today));
            Assert.Equal(BillingErrorId.InvalidApiKey, first.ErrorId);
            var second = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), BalanceSource.Auto, Today);
            Assert.Equal("Balances", second.Source);
            Assert.Equal(6m, second.AvailableUsd);
            Assert.Null(second.ExpiresAt);
        }

        [Fact]
        public async Task A_project_key_against_OpenAI_is_BalanceNotAvailable_naming_admin_and_session_keys()
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 403, Fixtures.Text("error.session-key-required-v1-subscription.wechat-gptbot-issue82.json"))
                .On("/v1/dashboard/billing/usage", 403, Fixtures.Text("error.session-key-required-usage.nextchat-issue2559.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(ProjectKey, TestCalls.OpenAI, handler), BalanceSource.Auto, Today));

            Assert.Equal(BillingErrorId.BalanceNotAvailable, error.ErrorId);
            Assert.Contains("Admin key", error.Message);
            Assert.Contains("session key", error.Message);
            Assert.Contains("Subscription", error.Message);
            Assert.Equal(AdviceKind.AdminOrSessionKeyNeeded, error.Advice.Kind); // worded with the admin-keys page: AdviceWordingTests
            Assert.Equal(0, handler.Count("/v1/balances"));
        }

        [Fact]
        public async Task A_forced_source_reports_its_own_error()
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 403, Fixtures.Text("error.session-key-required-v1-subscription.wechat-gptbot-issue82.json"))
                .On("/v1/dashboard/billing/usage", 403, Fixtures.Text("error.session-key-required-usage.nextchat-issue2559.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(ProjectKey, TestCalls.OpenAI, handler), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.SessionKeyRequired, error.ErrorId);
            Assert.Equal(403, error.StatusCode);
            Assert.Equal("server_error", error.ErrorType);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(503)]
        public async Task A_server_error_never_falls_through_to_another_source(int status)
        {
            var handler = new FakeHandler()
                .On("/v1/balances", 404, "{\"error\":{\"message\":\"Invalid URL (GET /v1/balances)\"}}")
                .On("/v1/dashboard/billing/subscription", status, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"))
                .On("/v1/dashboard/billing/credit_grants", 200, Fixtures.Text("credit-grants.light-gpt-issue29.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.NewRelay(), handler), BalanceSource.Auto, Today));
            Assert.Equal(BillingErrorId.ServerError, error.ErrorId);
            Assert.Equal(0, handler.Count("/v1/dashboard/billing/credit_grants"));
        }

        [Fact]
        public async Task A_relay_error_inside_HTTP_200_is_ApiError()
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, "{\"error\":{\"message\":\"当前分组上游负载已饱和\",\"type\":\"upstream_error\",\"param\":\"\",\"code\":null}}")
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.ApiError, error.ErrorId);
            Assert.Contains("当前分组上游负载已饱和", error.Message);
        }

        [Fact]
        public async Task A_relay_that_echoes_the_key_is_InvalidApiKey_without_the_key()
        {
            var handler = new FakeHandler().On("/v1/", 401, "{\"error\":{\"message\":\"无效的令牌 " + RelayToken + " (request id: 1)\",\"type\":\"one_api_error\"}}");
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Auto, Today));
            Assert.Equal(BillingErrorId.InvalidApiKey, error.ErrorId);
            Assert.DoesNotContain("relaytoken", error.ToString());
            Assert.Contains("无效的令牌", error.Message);
        }

        [Fact]
        public async Task OpenAIs_invalid_key_body_is_InvalidApiKey()
        {
            var handler = new FakeHandler().On("/v1/", 401, Fixtures.Text("error.invalid-api-key.chatanywhere-issue62.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(SessionKey, TestCalls.OpenAI, handler), BalanceSource.Auto, Today));
            Assert.Equal(BillingErrorId.InvalidApiKey, error.ErrorId);
            Assert.Equal("invalid_api_key", error.ErrorCode);
            Assert.DoesNotContain("VKMIs", error.Message);
        }
    }
}
