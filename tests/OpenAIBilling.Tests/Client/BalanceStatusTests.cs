using System;
using System.Threading.Tasks;
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
    /// <summary>Balance.Status: an exhausted relay token is an answer, an expiry in the past is Expired.</summary>
    public class BalanceStatusTests
    {
        private const string RelayToken = "sk-relaytoken000000000000001234";
        private const string ExhaustedBody = "{\"error\":{\"message\":\"该令牌额度已用尽 (request id: 2026112907331600000012)\",\"type\":\"one_api_error\"}}";
        private static readonly DateTime Today = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData(401)]
        [InlineData(403)]
        public async Task A_relay_token_whose_quota_is_used_up_is_an_Exhausted_balance_with_a_warning(int status)
        {
            var handler = new FakeHandler().On("/v1/", status, ExhaustedBody).On("/dashboard/", status, ExhaustedBody);
            var log = new CollectingLog();
            var call = TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, log: log);
            var balance = call.Stamp(await BalanceQuery.GetAsync(call, BalanceSource.Auto, Today));

            Assert.Equal(BalanceStatus.Exhausted, balance.Status);
            Assert.Equal(0m, balance.AvailableUsd);
            Assert.Null(balance.LimitUsd);
            Assert.Null(balance.UsedUsd);
            Assert.Null(balance.PercentUsed);
            Assert.Null(balance.DailyAverageUsd);
            Assert.Null(balance.ProjectedExhaustion);
            Assert.Equal("sk-...1234", balance.KeyHint);
            Assert.Equal("test", balance.Name);
            var warning = Assert.Single(log.Messages, m => m.StartsWith("WARNING: ", StringComparison.Ordinal));
            Assert.Contains("sk-...1234", warning);
            Assert.Contains("Exhausted", warning);
        }

        [Fact]
        public async Task The_other_cmdlets_keep_KeyExhausted_for_a_used_up_relay_token()
        {
            var handler = new FakeHandler().On("/v1/", 401, ExhaustedBody);
            var subscription = await Assert.ThrowsAsync<BillingException>(() => SubscriptionQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), null));
            Assert.Equal(BillingErrorId.KeyExhausted, subscription.ErrorId);
            var usage = await Assert.ThrowsAsync<BillingException>(() =>
                UsageQuery.RunAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), new DateRange(Today, Today), Today, CostGranularity.Total, CostFilter.None, _ => { }));
            Assert.Equal(BillingErrorId.KeyExhausted, usage.ErrorId);
        }

        [Fact]
        public async Task OpenAIs_insufficient_quota_stays_an_error_for_the_balance()
        {
            var handler = new FakeHandler().On("/v1/", 429, Fixtures.Text("error.insufficient-quota.one-api-issue45.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create("sess-abcdefghijklmnopqrstuvwx5678", TestCalls.OpenAI, handler, retries: 3), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.KeyExhausted, error.ErrorId);
            Assert.Equal(1, handler.Count("/v1/dashboard/billing/subscription"));
        }

        [Theory]
        [InlineData(1767225600, "Expired")]   // 2026-01-01
        [InlineData(4102444800, "Active")]    // 2100-01-01
        [InlineData(0, "Active")]             // never
        public async Task A_balance_whose_expiry_has_passed_is_Expired(long accessUntil, string status)
        {
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, "{\"object\":\"billing_subscription\",\"has_payment_method\":true,\"hard_limit_usd\":25.5,\"access_until\":" + accessUntil + "}")
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, Today);
            Assert.Equal(status, balance.Status);
            Assert.Equal(22.375m, balance.AvailableUsd);
        }
    }
}
