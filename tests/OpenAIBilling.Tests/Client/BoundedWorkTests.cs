using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using OpenAIBilling.Usage;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>Nothing waits or grows without bound: the shared /v1/balances probe, token-usage windows, a key's failed requests.</summary>
    public class BoundedWorkTests
    {
        private const string AdminKey = "sk-admin-abcdefghijklmnopqrstuvwxyz4321";
        private const string Balance = "{\"object\":\"balance\",\"total_granted_usd\":10,\"total_used_usd\":4,\"total_available_usd\":6}";
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

        private static BillingCall Call(string key, string baseUri, HttpMessageHandler handler, int throttle = 8, CancellationToken token = default) =>
            new BillingCall(ApiKey.Parse(key), BillingHost.Parse(new Uri(baseUri)), new RequestSettings
            {
                Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan },
                MaximumRetryCount = 0,
                Throttle = new RequestThrottle(throttle),
                CancellationToken = token,
            });

        private static string RelayKey(int i) => "sk-relaytoken" + i.ToString("D18") + "1234";

        [Fact]
        public async Task A_probe_failing_for_the_host_ends_every_waiting_key_with_that_error_at_once()
        {
            var handler = new GateHandler(_ => GateHandler.Json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
            string relay = TestCalls.NewRelay();
            var probe = Task.Run(() => BalanceQuery.GetAsync(Call(RelayKey(0), relay, handler), BalanceSource.Auto, DateTime.UtcNow.Date));
            Assert.True(handler.WaitForArrivals(1));

            // The probe is on the wire: these keys wait for its answer instead of asking.
            var waiting = Enumerable.Range(1, 5).Select(i => BalanceQuery.GetAsync(Call(RelayKey(i), relay, handler), BalanceSource.Auto, DateTime.UtcNow.Date)).ToArray();
            handler.Open();
            foreach (var task in waiting.Prepend(probe))
            {
                var error = await Assert.ThrowsAsync<BillingException>(() => task);
                Assert.Equal(BillingErrorId.ServerError, error.ErrorId);
            }

            Assert.Equal(1, handler.Arrived);
        }

        [Fact]
        public async Task A_probe_refused_for_its_key_hands_the_probe_to_the_next_key()
        {
            var handler = new GateHandler(request => request.Headers.Authorization!.Parameter!.Contains("000000000000000000")
                ? GateHandler.Json(401, "{\"error\":{\"message\":\"invalid token\"}}")
                : GateHandler.Json(200, Balance));
            string relay = TestCalls.NewRelay();
            var probe = Task.Run(() => BalanceQuery.GetAsync(Call(RelayKey(0), relay, handler), BalanceSource.Auto, DateTime.UtcNow.Date));
            Assert.True(handler.WaitForArrivals(1));
            var waiting = Enumerable.Range(1, 3).Select(i => BalanceQuery.GetAsync(Call(RelayKey(i), relay, handler), BalanceSource.Auto, DateTime.UtcNow.Date)).ToArray();
            handler.Open(100);

            Assert.Equal(BillingErrorId.InvalidApiKey, (await Assert.ThrowsAsync<BillingException>(() => probe)).ErrorId);
            foreach (var balance in await Task.WhenAll(waiting))
            {
                Assert.Equal(6m, balance.AvailableUsd);
            }

            Assert.Equal(4, handler.Arrived);
        }

        [Fact]
        public async Task Token_usage_windows_are_made_as_needed_and_Stop_ends_a_span_of_minutes_since_year_one_at_once()
        {
            var handler = new GateHandler(_ => GateHandler.Json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":false}"));
            using var stop = new CancellationTokenSource();
            var call = Call(AdminKey, TestCalls.OpenAI, handler, throttle: 64, token: stop.Token);
            var request = new TokenUsageRequest
            {
                Endpoint = UsageEndpoint.Completions,
                BucketWidth = BucketWidth.Minute,
                StartTime = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
                EndTime = DateTimeOffset.UtcNow,
            };
            var run = Task.Run(() => TokenUsageQuery.RunAsync(call, request, _ => { }));

            Assert.True(handler.WaitForArrivals(8));
            Assert.True(handler.WaitUntil(() => handler.InFlight == 8));
            Assert.Equal(8, handler.Arrived);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            Assert.True(watch.Elapsed < Bound, $"Stop took {watch.Elapsed}");
            Assert.Equal(8, handler.Arrived);
        }

        [Fact]
        public async Task When_one_window_fails_for_good_the_others_of_the_key_are_cancelled()
        {
            var handler = new GateHandler(_ => GateHandler.Json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":false}"));
            // The second 31-day window fails at once; the first waits at the gate until it is cancelled.
            handler.Immediate = r => r.RequestUri!.Query.Contains("start_time=" + Seconds(Start.AddDays(31)));
            var failing = new GateHandlerFailing(handler);
            var call = Call(AdminKey, TestCalls.OpenAI, failing);
            var request = new TokenUsageRequest { Endpoint = UsageEndpoint.Completions, StartTime = Start, EndTime = Start.AddDays(62) };
            var run = TokenUsageQuery.RunAsync(call, request, _ => { });

            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.Same(run, finished);
            var error = await Assert.ThrowsAsync<BillingException>(() => run);
            Assert.Equal(BillingErrorId.ApiError, error.ErrorId);
            Assert.Equal(1, handler.Cancelled);
            Assert.Equal(2, handler.Arrived);
        }

        [Theory]
        [InlineData("/v1/dashboard/billing/subscription", BalanceSource.Subscription, "sess-abcdefghijklmnopqrstuvwxyz4321")]
        [InlineData("/v1/organization/spend_limit", BalanceSource.SpendLimit, AdminKey)]
        public async Task When_one_of_a_sources_two_requests_fails_for_good_the_other_is_cancelled(string failingPath, BalanceSource source, string key)
        {
            // Its partner waits at the gate; once it is there, the failing request is answered with a 400.
            var handler = new GateHandler(_ => GateHandler.Json(200, "{}"));
            handler.Immediate = r => r.RequestUri!.AbsolutePath == failingPath;
            var call = Call(key, TestCalls.OpenAI, new FailsOncePartnerWaits(handler));
            var run = BalanceQuery.GetAsync(call, source, new DateTime(2026, 11, 15));

            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.Same(run, finished);
            var error = await Assert.ThrowsAsync<BillingException>(() => run);
            Assert.Equal(BillingErrorId.ApiError, error.ErrorId);
            Assert.Equal(2, handler.Arrived);
            Assert.Equal(1, handler.Cancelled);
        }

        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private static string Seconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Like <see cref="GateHandlerFailing"/>, but sends the failing request on only once another waits at the gate.</summary>
        private sealed class FailsOncePartnerWaits : DelegatingHandler
        {
            private readonly GateHandler _gate;

            public FailsOncePartnerWaits(GateHandler gate) : base(new GateHandlerFailing(gate)) => _gate = gate;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (_gate.Immediate(request))
                {
                    // Waited for on the thread pool: the caller starts the partner only when this call first yields.
                    Assert.True(await Task.Run(() => _gate.WaitUntil(() => _gate.InFlight >= 1)), "the partner request never reached the gate");
                }

                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Answers the gate's immediate requests with a 400, the others as the gate does.</summary>
        private sealed class GateHandlerFailing : DelegatingHandler
        {
            private readonly GateHandler _gate;

            public GateHandlerFailing(GateHandler gate) : base(gate) => _gate = gate;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                return _gate.Immediate(request) ? GateHandler.Json(400, "{\"error\":{\"message\":\"bad window\",\"type\":\"invalid_request_error\"}}") : response;
            }
        }
    }
}
