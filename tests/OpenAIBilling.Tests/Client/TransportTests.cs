using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class TransportTests
    {
        private const string RelayToken = "sk-relaytoken000000000000001234";
        private const string Subscription = "/v1/dashboard/billing/subscription";
        private static readonly DateTime Today = DateTime.UtcNow.Date;

        private static FakeHandler FailThenSucceed(int failures, int status, params (string, string)[] headers)
        {
            int calls = 0;
            return new FakeHandler()
                .On(Subscription, _ => Interlocked.Increment(ref calls) <= failures
                    ? FakeHandler.Reply(status, "{\"error\":{\"message\":\"try later\",\"type\":\"server_error\"}}", headers)
                    : FakeHandler.Reply(200, Fixtures.Text("legacy-subscription.one-api-relay.json")))
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
        }

        [Theory]
        [InlineData(408)]
        [InlineData(409)]
        [InlineData(429)]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        public async Task Retryable_statuses_are_tried_again_and_succeed(int status)
        {
            var handler = FailThenSucceed(1, status, ("retry-after-ms", "10"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 2), BalanceSource.Subscription, Today);
            Assert.Equal(22.375m, balance.AvailableUsd);
            Assert.Equal(2, handler.Count(Subscription));
        }

        [Theory]
        [InlineData(400)]
        [InlineData(401)]
        [InlineData(403)]
        [InlineData(404)]
        public async Task Client_errors_are_never_retried_even_when_the_server_says_retry(int status)
        {
            var handler = FailThenSucceed(5, status, ("x-should-retry", "true"), ("retry-after-ms", "10"));
            await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 3), BalanceSource.Subscription, Today));
            Assert.Equal(status == 404 ? 2 : 1, handler.Count(Subscription) + handler.Count("/dashboard/billing/subscription"));
        }

        [Fact]
        public async Task Insufficient_quota_is_KeyExhausted_at_once()
        {
            var handler = new FakeHandler().On("/v1/", 429, Fixtures.Text("error.insufficient-quota.one-api-issue45.json"), ("retry-after-ms", "10"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 3), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.KeyExhausted, error.ErrorId);
            Assert.Equal(1, handler.Count(Subscription));
            Assert.Contains("credit", error.RecommendedAction);
        }

        [Fact]
        public async Task x_should_retry_false_stops_retrying()
        {
            var handler = FailThenSucceed(5, 503, ("x-should-retry", "false"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 3), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.ServerError, error.ErrorId);
            Assert.Equal(1, handler.Count(Subscription));
        }

        [Fact]
        public async Task A_429_still_there_after_retries_is_RateLimited()
        {
            var handler = FailThenSucceed(10, 429, ("retry-after-ms", "5"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 2), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.RateLimited, error.ErrorId);
            Assert.Equal(3, handler.Count(Subscription));
        }

        [Fact]
        public async Task A_requested_delay_over_120_seconds_fails_at_once()
        {
            var handler = FailThenSucceed(1, 429, ("Retry-After", "600"));
            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 2), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.RateLimited, error.ErrorId);
            Assert.Contains("600", error.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        }

        [Fact]
        public void Requested_delays_are_read_from_ms_seconds_and_http_dates()
        {
            var now = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromMilliseconds(250), RetryPolicy.RequestedDelay(Response(("retry-after-ms", "250"), ("retry-after", "9")), now));
            Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.RequestedDelay(Response(("retry-after", "1")), now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.RequestedDelay(Response(("retry-after", now.AddSeconds(30).ToString("r"))), now));
            Assert.Null(RetryPolicy.RequestedDelay(Response(), now));
        }

        [Fact]
        public void Backoff_grows_from_half_a_second_with_jitter_and_is_capped_at_eight()
        {
            var policy = new RetryPolicy(10, null);
            for (int i = 0; i < 50; i++)
            {
                Assert.InRange(policy.Backoff(1).TotalSeconds, 0.375, 0.625);
                Assert.InRange(policy.Backoff(3).TotalSeconds, 1.5, 2.5);
                Assert.InRange(policy.Backoff(10).TotalSeconds, 6, 8);
            }

            Assert.Equal(TimeSpan.FromSeconds(3), new RetryPolicy(2, 3).Backoff(1));
        }

        [Fact]
        public async Task A_502_html_page_is_ServerError_naming_the_status_not_the_page()
        {
            var handler = new FakeHandler().On("/v1/", _ =>
            {
                var reply = FakeHandler.Reply(502, "<!DOCTYPE html><html><head><title>502 Bad gateway | Cloudflare</title></head><body>cf-error-details</body></html>");
                reply.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/html");
                return reply;
            });
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 0), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.ServerError, error.ErrorId);
            Assert.Contains("502", error.Message);
            Assert.DoesNotContain("cf-error-details", error.Message);
        }

        [Theory]
        [InlineData("{\"object\":\"billing_subscription\",\"hard_limit_usd\":25.5", "application/json")]
        [InlineData("<html><body>Please log in</body></html>", "text/html")]
        [InlineData("[1,2,3]", "application/json")]
        [InlineData("{\"hard_limit_usd\":{\"a\":1}}", "application/json")]
        [InlineData("", "application/json")]
        public async Task Bodies_that_are_not_the_expected_JSON_are_InvalidResponse(string body, string contentType)
        {
            var handler = new FakeHandler()
                .On(Subscription, _ =>
                {
                    var reply = FakeHandler.Reply(200, body);
                    reply.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                    return reply;
                })
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
        }

        [Fact]
        public async Task Deeply_nested_JSON_is_InvalidResponse()
        {
            string body = new string('[', 1000) + new string(']', 1000);
            var handler = new FakeHandler().On("/v1/", 200, body);
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
        }

        [Fact]
        public async Task A_body_over_64_MB_is_refused_while_streaming()
        {
            var streams = new System.Collections.Concurrent.ConcurrentBag<EndlessStream>();
            var handler = new FakeHandler().On("/v1/", _ =>
            {
                var stream = new EndlessStream();
                streams.Add(stream);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) };
            });
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.All(streams, stream => Assert.True(stream.BytesRead <= ResponseBody.MaximumBytes + (1 << 20)));
        }

        [Fact]
        public async Task A_slow_answer_is_Timeout_after_each_attempt()
        {
            var handler = new FakeHandler().On("/v1/", request =>
            {
                Thread.Sleep(0);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new SlowStream()) };
            });
            var call = TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 1);
            call.Settings.TimeoutSec = 1;
            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<BillingException>(() => BalanceQuery.GetAsync(call, BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.Timeout, error.ErrorId);
            Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 2 * (1 + 1) + 2);
        }

        [Fact]
        public async Task Organization_and_project_are_sent_as_OpenAI_headers_with_the_key()
        {
            HttpRequestMessage? seen = null;
            var handler = new FakeHandler()
                .On(Subscription, request => { seen = request; return FakeHandler.Reply(200, Fixtures.Text("legacy-subscription.one-api-relay.json")); });
            var call = TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler);
            call.Settings.Organization = "org-123";
            call.Settings.Project = "proj_456";
            await SubscriptionQuery.GetAsync(call, null);

            Assert.Equal("org-123", Assert.Single(seen!.Headers.GetValues("OpenAI-Organization")));
            Assert.Equal("proj_456", Assert.Single(seen.Headers.GetValues("OpenAI-Project")));
            Assert.Equal("Bearer", seen.Headers.Authorization!.Scheme);
        }

        [Fact]
        public void The_user_agent_names_the_module_and_its_version()
        {
            var version = typeof(BillingTransport).Assembly.GetName().Version!.ToString(3);
            Assert.StartsWith("OpenAIBilling/" + version + " ", SharedHttpClients.UserAgent);
        }

        [Fact]
        public async Task A_refused_connection_is_retried_then_ConnectionFailed()
        {
            var log = new CollectingLog();
            var call = new BillingCall(Keys.ApiKey.Parse(RelayToken), Hosts.BillingHost.Parse(new Uri("http://127.0.0.1:1")),
                new RequestSettings { MaximumRetryCount = 1, RetryIntervalSec = 1, Log = log });
            var error = await Assert.ThrowsAsync<BillingException>(() => BalanceQuery.GetAsync(call, BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.ConnectionFailed, error.ErrorId);
            Assert.Contains(log.Messages, m => m.Contains("(attempt 2)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Plain_http_to_a_remote_host_sends_nothing()
        {
            var handler = new FakeHandler().On("/v1/", 200, "{}");
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, "http://relay.example.com", handler), BalanceSource.Auto, Today));
            Assert.Equal(BillingErrorId.UnencryptedAuthentication, error.ErrorId);
            Assert.Empty(handler.Requests);
        }

        [Fact]
        public async Task Plain_http_to_loopback_is_allowed()
        {
            var handler = new FakeHandler()
                .On(Subscription, 200, Fixtures.Text("legacy-subscription.one-api-relay.json"))
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, "http://127.0.0.1:9", handler), BalanceSource.Subscription, Today);
            Assert.Equal(22.375m, balance.AvailableUsd);
        }

        [Fact]
        public async Task A_same_origin_redirect_keeps_the_key_and_another_origin_drops_it()
        {
            var relay = TestCalls.NewRelay();
            var handler = new FakeHandler()
                .On(Subscription, _ => Redirect(relay + "/moved/subscription"))
                .On("/moved/subscription", 200, Fixtures.Text("legacy-subscription.one-api-relay.json"))
                .On("/v1/dashboard/billing/usage", _ => Redirect("https://elsewhere.example/usage"))
                .On("/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), BalanceSource.Subscription, Today);

            Assert.Equal(22.375m, balance.AvailableUsd);
            Assert.True(handler.Requests.Single(r => r.Uri.AbsolutePath == "/moved/subscription").HasAuthorization);
            Assert.False(handler.Requests.Single(r => r.Uri.Host == "elsewhere.example").HasAuthorization);
        }

        [Fact]
        public async Task An_https_to_http_redirect_is_refused()
        {
            var handler = new FakeHandler().On("/v1/", _ => Redirect("http://127.0.0.1:9/x"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, Today));
            Assert.Equal(BillingErrorId.UnencryptedAuthentication, error.ErrorId);
            Assert.DoesNotContain(handler.Requests, r => r.Uri.Scheme == "http");
        }

        private static HttpResponseMessage Redirect(string location)
        {
            var reply = new HttpResponseMessage(HttpStatusCode.Found) { Content = new StringContent(string.Empty) };
            reply.Headers.Location = new Uri(location);
            return reply;
        }

        private static ApiResponse Response(params (string Name, string Value)[] headers) =>
            new ApiResponse(429, Array.Empty<byte>(), headers.ToDictionary(h => h.Name.ToLowerInvariant(), h => h.Value), new Uri("https://x.example/"));

        /// <summary>A body that never ends, counting what was read.</summary>
        private sealed class EndlessStream : ReadOnlyBodyStream
        {
            public long BytesRead { get; private set; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                for (int i = offset; i < offset + count; i++)
                {
                    buffer[i] = (byte)' ';
                }

                BytesRead += count;
                return count;
            }
        }

        /// <summary>A body that sends nothing until cancelled.</summary>
        private sealed class SlowStream : ReadOnlyBodyStream
        {
            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
