using System;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Queries;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>
    /// A host that echoes the key and sends terminal escapes in every string it controls: error fields, headers,
    /// output fields. What reaches the user is asserted exactly.
    /// </summary>
    public class ServerTextTests
    {
        private const string Key = "sk-relaytoken000000000000001234";
        private const string Echo = "sk-relaytoken000000000000001234";
        private const string Escape = "\u001b]0;owned\u0007\u001b[2J";

        [Fact]
        public async Task Error_code_type_and_request_id_are_redacted_and_stripped()
        {
            string body = "{\"error\":{\"message\":\"bad key " + Echo + "\",\"type\":\"t-" + Echo.Substring(3, 10) + "xxxxxx\",\"code\":\"\\u001b[31m" + Echo + "\"}}";
            var handler = new FakeHandler().On("/v1/", 400, body, ("x-request-id", "req_" + Escape + Echo));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                SubscriptionQuery.GetAsync(TestCalls.Create(Key, TestCalls.NewRelay(), handler), null));
            var shown = error.Redacted(Keys.ApiKey.Parse(Key));

            Assert.Equal("sk-***", shown.ErrorCode);
            Assert.Equal("t-***xxxxxx", shown.ErrorType);
            Assert.Equal("req_sk-***", shown.RequestId);
            Assert.EndsWith(": bad key sk-***", shown.Message);
            Assert.Null(shown.InnerException);
            Assert.Equal("sk-***", error.ErrorCode);
            Assert.Equal("req_sk-***", error.RequestId);
        }

        [Fact]
        public async Task A_content_type_that_echoes_the_key_is_redacted_in_the_message()
        {
            var handler = new FakeHandler().On("/v1/dashboard/billing/subscription", _ =>
            {
                var reply = FakeHandler.Reply(200, "not json");
                reply.Content.Headers.Remove("Content-Type");
                reply.Content.Headers.TryAddWithoutValidation("Content-Type", "text/" + Echo);
                return reply;
            }).On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                SubscriptionQuery.GetAsync(TestCalls.Create(Key, TestCalls.NewRelay(), handler), null));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.Contains("(HTTP 200, text/sk-***, 8 bytes)", error.Message);
            Assert.DoesNotContain("relaytoken", error.Message);
        }

        [Fact]
        public async Task Output_strings_are_redacted_and_stripped()
        {
            string subscription = "{\"object\":\"billing_subscription\",\"has_payment_method\":false,\"hard_limit_usd\":25.5,\"soft_limit_usd\":20,"
                + "\"system_hard_limit_usd\":25.5,\"access_until\":0,\"plan\":{\"id\":\"" + Echo + "\",\"title\":\"Plan " + Escape.Replace("\u001b", "\\u001b").Replace("\u0007", "\\u0007") + "Gold\"}}";
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, subscription)
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var call = TestCalls.Create(Key, TestCalls.NewRelay(), handler);
            var result = call.Stamp(await SubscriptionQuery.GetAsync(call, null));

            Assert.Equal("sk-***", result.PlanId);
            Assert.Equal("Plan Gold", result.PlanTitle);
            Assert.Equal("sk-...1234", result.KeyHint);
        }

        [Fact]
        public async Task Debug_headers_and_verbose_lines_carry_no_key_and_no_escape()
        {
            var log = new CollectingLog();
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 200, Fixtures.Text("legacy-subscription.one-api-relay.json"), ("x-echo", Escape + Echo), ("x-request-id", Echo))
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            await SubscriptionQuery.GetAsync(TestCalls.Create(Key, TestCalls.NewRelay(), handler, log: log), null);

            Assert.Contains(log.Messages, m => m.StartsWith("DEBUG: Response headers:", StringComparison.Ordinal) && m.IndexOf("x-echo: sk-***", StringComparison.Ordinal) >= 0);
            Assert.All(log.Messages, m => Assert.DoesNotContain("relaytoken", m));
            Assert.All(log.Messages, m => Assert.True(m.IndexOf('\u001b') < 0, m));
        }
    }
}
