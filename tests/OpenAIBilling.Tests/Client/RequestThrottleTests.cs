using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>
    /// The throttle: -ThrottleLimit is requests in flight whatever the hosts; without it 64 in all, but only 8 to a host
    /// until it has answered over HTTP/2, and 8 again once it answered 429. Counted with slots held, not timed.
    /// </summary>
    public class RequestThrottleTests
    {
        private static readonly Version Http2 = new Version(2, 0);   // HttpVersion.Version20 does not exist on .NET Framework

        private static Uri NewHost() => new Uri($"https://throttle-{Guid.NewGuid():N}.example:443/v1/dashboard/billing/usage");

        /// <summary>How many of <paramref name="wanted"/> entries get a slot at once (the rest are left waiting, then cancelled).</summary>
        private static async Task<int> SlotsGranted(RequestThrottle throttle, Uri uri, int wanted)
        {
            using var cancel = new CancellationTokenSource();
            var entries = Enumerable.Range(0, wanted).Select(_ => throttle.EnterAsync(uri, cancel.Token)).ToList();
            await Task.Yield();   // a slot that is free is granted synchronously: nothing here waits on time
            var granted = entries.Where(e => e.Status == TaskStatus.RanToCompletion).ToList();
            cancel.Cancel();
            foreach (var entry in entries)
            {
                try
                {
                    (await entry).Dispose();
                }
                catch (OperationCanceledException)
                {
                }
            }

            return granted.Count;
        }

        [Fact]
        public async Task Without_ThrottleLimit_a_host_not_known_to_speak_HTTP2_gets_8_in_flight()
        {
            using var throttle = RequestThrottle.CreateDefault();
            Assert.Equal(RequestThrottle.DefaultPerHostLimit, await SlotsGranted(throttle, NewHost(), 20));
        }

        [Fact]
        public async Task Without_ThrottleLimit_an_HTTP2_host_gets_64_in_flight()
        {
            var host = NewHost();
            using var throttle = RequestThrottle.CreateDefault();
            throttle.Observe(host, Http2, 200);
            Assert.Equal(RequestThrottle.DefaultLimit, await SlotsGranted(throttle, host, 80));
        }

        [Fact]
        public async Task Without_ThrottleLimit_an_HTTP11_host_stays_at_8()
        {
            var host = NewHost();
            using var throttle = RequestThrottle.CreateDefault();
            throttle.Observe(host, HttpVersion.Version11, 200);
            Assert.Equal(RequestThrottle.DefaultPerHostLimit, await SlotsGranted(throttle, host, 20));
        }

        [Fact]
        public async Task Without_ThrottleLimit_an_HTTP2_host_that_answered_429_is_back_to_8()
        {
            var host = NewHost();
            using var throttle = RequestThrottle.CreateDefault();
            throttle.Observe(host, Http2, 429);
            Assert.Equal(RequestThrottle.DefaultPerHostLimit, await SlotsGranted(throttle, host, 20));
        }

        [Fact]
        public async Task Without_ThrottleLimit_each_host_has_its_own_8_within_64_in_all()
        {
            using var throttle = RequestThrottle.CreateDefault();
            using var cancel = new CancellationTokenSource();
            var entries = new List<Task<IDisposable>>();
            for (int host = 0; host < 10; host++)
            {
                var uri = NewHost();
                entries.AddRange(Enumerable.Range(0, 10).Select(_ => throttle.EnterAsync(uri, cancel.Token)));
            }

            await Task.Yield();
            int granted = entries.Count(e => e.Status == TaskStatus.RanToCompletion);
            cancel.Cancel();
            Assert.Equal(RequestThrottle.DefaultLimit, granted);
        }

        [Fact]
        public async Task ThrottleLimit_is_requests_in_flight_whatever_the_host_speaks()
        {
            var host = NewHost();
            using var throttle = new RequestThrottle(32);
            Assert.Equal(32, await SlotsGranted(throttle, host, 40));
            throttle.Observe(host, Http2, 200);
            Assert.Equal(32, await SlotsGranted(throttle, host, 40));
        }

        [Fact]
        public void Requests_ask_for_HTTP2_with_fall_back_on_NET_and_for_HTTP11_on_NET_Framework()
        {
#if NETFRAMEWORK
            Assert.Equal(HttpVersion.Version11, RequestVersion.Preferred);
#else
            Assert.Equal(Http2, RequestVersion.Preferred);
            Assert.Equal(System.Net.Http.HttpVersionPolicy.RequestVersionOrLower, new System.Net.Http.HttpRequestMessage().VersionPolicy);
#endif
        }
    }
}
