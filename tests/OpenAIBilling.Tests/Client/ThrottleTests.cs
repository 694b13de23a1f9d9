using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Queries;
using OpenAIBilling.Responses;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>
    /// -ThrottleLimit with gates: every answer waits until the test lets one through, so the number in flight is
    /// counted exactly, whatever the speed of the machine.
    /// </summary>
    public class ThrottleTests
    {
        private const string RelayToken = "sk-relaytoken000000000000001234";

        private static HttpResponseMessage Answer(HttpRequestMessage request) =>
            GateHandler.Json(200, Fixtures.Text(request.RequestUri!.AbsolutePath.EndsWith("usage", StringComparison.Ordinal)
                ? "legacy-usage.one-api-relay.json"
                : "legacy-subscription.one-api-relay.json"));

        [Fact]
        public async Task Never_more_requests_in_flight_than_the_limit_and_each_freed_slot_admits_exactly_one()
        {
            const int Limit = 3, KeyCount = 12, RequestsPerKey = 2;
            var handler = new GateHandler(Answer);
            var throttle = new RequestThrottle(Limit);
            string relay = TestCalls.NewRelay();
            var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var today = DateTime.UtcNow.Date;
            var calls = Enumerable.Range(0, KeyCount).Select(_ =>
            {
                var call = new BillingCall(ApiKey.Parse(RelayToken), BillingHost.Parse(new Uri(relay)), new RequestSettings { Client = client, MaximumRetryCount = 0, Throttle = throttle });
                return Task.Run(() => BalanceQuery.GetAsync(call, BalanceSource.Subscription, today));
            }).ToArray();

            Assert.True(handler.WaitForArrivals(Limit));
            for (int released = 0; released < KeyCount * RequestsPerKey; released++)
            {
                // Exactly the limit is on the wire (fewer only at the very end), and nothing beyond it has been sent.
                int expected = Math.Min(Limit, KeyCount * RequestsPerKey - released);
                Assert.True(handler.WaitUntil(() => handler.Arrived == released + expected && handler.InFlight == expected));
                Assert.Equal(released + expected, handler.Arrived);
                handler.Open();
            }

            var balances = await Task.WhenAll(calls);
            Assert.All(balances, b => Assert.Equal(22.375m, b.AvailableUsd));
            Assert.Equal(Limit, handler.Peak);
        }

        [Fact]
        public async Task A_request_waiting_out_a_retry_delay_holds_no_slot()
        {
            int first = 0;
            var handler = new GateHandler(request => request.RequestUri!.AbsolutePath.EndsWith("subscription", StringComparison.Ordinal) && Interlocked.Increment(ref first) == 1
                ? RetryLater()
                : Answer(request));
            // The 429 answers at once; everything else waits at the gate.
            handler.Immediate = request => Volatile.Read(ref first) == 0 && request.RequestUri!.AbsolutePath.EndsWith("subscription", StringComparison.Ordinal);
            var throttle = new RequestThrottle(1);
            var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            string relay = TestCalls.NewRelay();
            var slow = new BillingCall(ApiKey.Parse(RelayToken), BillingHost.Parse(new Uri(relay)),
                new RequestSettings { Client = client, MaximumRetryCount = 1, RetryIntervalSec = 60, Throttle = throttle });
            using var stop = new CancellationTokenSource();
            slow.Settings.CancellationToken = stop.Token;
            var waiting = Task.Run(() => BillingTransport.GetAsync(slow, Endpoint.LegacyLongPath, "/v1/dashboard/billing/subscription"));

            // While the first call waits 60 s to retry, a second call gets the only slot.
            Assert.True(handler.WaitForArrivals(1));
            var other = Task.Run(() => BillingTransport.GetAsync(new BillingCall(ApiKey.Parse(RelayToken), BillingHost.Parse(new Uri(relay)),
                new RequestSettings { Client = client, MaximumRetryCount = 0, Throttle = throttle }), Endpoint.LegacyLongPath, "/v1/dashboard/billing/usage"));
            Assert.True(handler.WaitForArrivals(2));
            handler.Open();
            Assert.Equal(200, (await other).Response.StatusCode);
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        private static HttpResponseMessage RetryLater()
        {
            var reply = GateHandler.Json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}");
            return reply;
        }
    }
}
