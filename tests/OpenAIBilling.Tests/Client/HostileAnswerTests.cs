using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;
using OpenAIBilling.Responses;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>Answers a hostile or broken host may give, each ending with the right id and nothing unbounded.</summary>
    public class HostileAnswerTests
    {
        private const string RelayToken = "sk-relaytoken000000000000001234";
        private const string Subscription = "/v1/dashboard/billing/subscription";

        private static FakeHandler Answers(int status, string body, params (string, string)[] headers) => new FakeHandler()
            .On(Subscription, status, body, headers)
            .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));

        [Theory]
        [InlineData("Retry-After", "Infinity")]
        [InlineData("Retry-After", "1e12")]
        [InlineData("retry-after-ms", "1e15")]
        [InlineData("retry-after-ms", "1.7976931348623157e308")]
        public async Task A_requested_delay_too_large_to_represent_is_RateLimited_at_once(string header, string value)
        {
            var handler = Answers(429, "{\"error\":{\"message\":\"slow down\"}}", (header, value));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 2), BalanceSource.Subscription, DateTime.UtcNow.Date));

            Assert.Equal(BillingErrorId.RateLimited, error.ErrorId);
            Assert.Contains("an unbounded time", error.Message);
            Assert.Equal(1, handler.Count(Subscription));
        }

        [Theory]
        [InlineData("NaN")]
        [InlineData("soon")]
        [InlineData("-5")]
        public void A_requested_delay_that_is_not_a_number_or_date_is_ignored(string value)
        {
            var response = new ApiResponse(429, Array.Empty<byte>(), new System.Collections.Generic.Dictionary<string, string> { ["retry-after"] = value, ["retry-after-ms"] = value }, new Uri("https://x.example/"));
            Assert.Null(RetryPolicy.RequestedDelay(response, DateTimeOffset.UtcNow));
        }

        [Fact]
        public async Task Tried_N_times_counts_the_attempts_made()
        {
            var handler = Answers(503, "{\"error\":{\"message\":\"down\"}}", ("x-should-retry", "false"));
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 3), BalanceSource.Subscription, DateTime.UtcNow.Date));

            Assert.Equal(BillingErrorId.ServerError, error.ErrorId);
            Assert.Equal("The server failed (it was tried 1 time); try again later.", error.RecommendedAction);

            var twice = Answers(503, "{\"error\":{\"message\":\"down\"}}", ("retry-after-ms", "1"));
            var again = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), twice, retries: 1), BalanceSource.Subscription, DateTime.UtcNow.Date));
            Assert.Equal("The server failed (it was tried 2 times); try again later.", again.RecommendedAction);
        }

        [Fact]
        public async Task A_UTF8_byte_order_mark_before_the_JSON_is_skipped()
        {
            var handler = new FakeHandler()
                .On(Subscription, _ => Bytes(200, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Fixtures.Text("legacy-subscription.one-api-relay.json"))).ToArray()))
                .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, DateTime.UtcNow.Date);
            Assert.Equal(22.375m, balance.AvailableUsd);
        }

        [Fact]
        public async Task A_body_that_does_not_decompress_is_InvalidResponse_and_not_retried()
        {
            var handler = new FakeHandler().On(Subscription, _ =>
            {
                var reply = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream(new InvalidDataException("bad gzip"))) };
                reply.Content.Headers.ContentEncoding.Add("gzip");
                return reply;
            });
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BillingTransport.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler, retries: 2), Endpoint.LegacyLongPath, Subscription));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.EndsWith("/v1/dashboard/billing/subscription says it is gzip but does not decompress.", error.Message);
            Assert.Equal(1, handler.Count(Subscription));
        }

        [Fact]
        public async Task A_partner_whose_body_throws_anything_as_it_is_torn_down_leaves_the_real_failure_to_be_reported()
        {
            // The subscription's body hangs until the group's cancellation disposes it, then throws what a
            // decompressor whose native state is gone throws; the usage's body is not the gzip it claims.
            var handler = new FakeHandler()
                .On(Subscription, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ThrowsWhenDisposedStream()) })
                .On("/v1/dashboard/billing/usage", _ =>
                {
                    var reply = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream(new InvalidDataException("bad gzip"))) };
                    reply.Content.Headers.ContentEncoding.Add("gzip");
                    return reply;
                });
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, DateTime.UtcNow.Date));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.EndsWith("says it is gzip but does not decompress.", error.Message);
        }

        [Fact]
        public async Task Memory_for_a_body_is_what_arrived_not_what_was_announced()
        {
            var handler = new FakeHandler().On(Subscription, _ =>
            {
                var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{}")));
                content.Headers.ContentLength = 63L * 1024 * 1024;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            });
            var response = (await BillingTransport.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), Endpoint.LegacyLongPath, Subscription)).Response;

            Assert.Equal(2, response.Body.Length);
            Assert.True(MemoryMarshal.TryGetArray(response.Body, out var segment));
            Assert.InRange(segment.Array!.Length, 2, 64 * 1024);
        }

        [Fact]
        public async Task Timestamps_in_milliseconds_are_read_as_milliseconds()
        {
            var handler = new FakeHandler().On("/v1/balances", 200,
                "{\"object\":\"balance\",\"total_granted_usd\":10,\"total_used_usd\":4,\"total_available_usd\":6,\"expires_at\":1830297600000}");
            var balance = await BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Balances, DateTime.UtcNow.Date);
            Assert.Equal(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), balance.ExpiresAt);
        }

        [Theory]
        [InlineData("{\"object\":\"balance\",\"total_granted_usd\":10,\"total_used_usd\":0,\"total_available_usd\":20}", "AvailableUsd (20) is more than LimitUsd (10)")]
        [InlineData("{\"object\":\"balance\",\"total_granted_usd\":-5,\"total_used_usd\":1,\"total_available_usd\":-6}", "LimitUsd is negative (-5)")]
        public async Task Absurd_figures_give_a_warning_naming_the_key_and_the_field(string body, string problem)
        {
            var log = new CollectingLog();
            string relay = TestCalls.NewRelay();
            var handler = new FakeHandler().On("/v1/balances", 200, body);
            var call = TestCalls.Create(RelayToken, relay, handler, log: log);
            call.Stamp(await BalanceQuery.GetAsync(call, BalanceSource.Balances, DateTime.UtcNow.Date));

            Assert.Contains($"WARNING: sk-...1234: {relay} sent figures that do not add up: {problem}. They are shown as sent.", log.Messages);
        }

        [Fact]
        public async Task A_502_on_the_short_legacy_path_is_not_remembered()
        {
            string relay = TestCalls.NewRelay();
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 404, "{\"error\":{\"message\":\"Invalid URL\"}}")
                .On("/dashboard/billing/subscription", 502, "<html>bad gateway</html>");
            await Assert.ThrowsAsync<BillingException>(() => SubscriptionQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), null));
            await Assert.ThrowsAsync<BillingException>(() => SubscriptionQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), null));

            Assert.Equal(2, handler.Count("/v1/dashboard/billing/subscription"));
        }

        [Fact]
        public async Task A_success_on_the_short_legacy_path_is_remembered()
        {
            string relay = TestCalls.NewRelay();
            var handler = new FakeHandler()
                .On("/v1/dashboard/billing/subscription", 404, "{\"error\":{\"message\":\"Invalid URL\"}}")
                .On("/dashboard/billing/subscription", 200, Fixtures.Text("legacy-subscription.one-api-relay.json"));
            await SubscriptionQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), null);
            await SubscriptionQuery.GetAsync(TestCalls.Create(RelayToken, relay, handler), null);

            Assert.Equal(1, handler.Count("/v1/dashboard/billing/subscription"));
            Assert.Equal(2, handler.Count("/dashboard/billing/subscription"));
        }

        private static HttpResponseMessage Bytes(int status, byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
        }

        /// <summary>A body that sends nothing until it is disposed, and then throws a NullReferenceException from the read.</summary>
        private sealed class ThrowsWhenDisposedStream : ReadOnlyBodyStream
        {
            private readonly TaskCompletionSource<bool> _disposed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                await _disposed.Task;
                throw new NullReferenceException("Object reference not set to an instance of an object.");
            }

            protected override void Dispose(bool disposing)
            {
                _disposed.TrySetResult(true);
                base.Dispose(disposing);
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        /// <summary>A body whose first read throws, as a decompressing stream does on bytes that are not gzip.</summary>
        private sealed class FailingStream : ReadOnlyBodyStream
        {
            private readonly Exception _failure;

            public FailingStream(Exception failure) => _failure = failure;

            public override int Read(byte[] buffer, int offset, int count) => throw _failure;

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(_failure);
        }
    }
}
