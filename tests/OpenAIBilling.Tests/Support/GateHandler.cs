using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>
    /// A handler whose answers wait at a gate the test opens one request at a time (as PowerShell/ThreadJob's tests
    /// block jobs): it counts requests arrived and in flight exactly, keeps the peak, and sees each request's
    /// cancellation. No timing is involved: the test waits for counts, never for time.
    /// </summary>
    internal sealed class GateHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(0);
        private readonly SemaphoreSlim _changes = new SemaphoreSlim(0);
        private int _inFlight;
        private int _peak;
        private int _arrived;
        private int _cancelled;

        public GateHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

        /// <summary>Requests to answer at once, without waiting at the gate (by path prefix).</summary>
        public Func<HttpRequestMessage, bool> Immediate { get; set; } = _ => false;

        public ConcurrentQueue<Uri> Uris { get; } = new ConcurrentQueue<Uri>();

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Peak => Volatile.Read(ref _peak);

        public int Arrived => Volatile.Read(ref _arrived);

        public int Cancelled => Volatile.Read(ref _cancelled);

        /// <summary>Lets <paramref name="count"/> waiting (or future) requests through.</summary>
        public void Open(int count = 1) => _gate.Release(count);

        /// <summary>Waits until <paramref name="count"/> requests have arrived in all; false after the 60-second safety bound.</summary>
        public bool WaitForArrivals(int count) => WaitUntil(() => Arrived >= count);

        /// <summary>Waits until <paramref name="condition"/> holds, checked after every arrival and every answer; false after 60 s.</summary>
        public bool WaitUntil(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!condition())
            {
                if (!_changes.Wait(TimeSpan.FromSeconds(1)) && DateTime.UtcNow > deadline)
                {
                    return false;
                }
            }

            return true;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Enqueue(request.RequestUri!);
            int now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _peak)) < now && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }

            Interlocked.Increment(ref _arrived);
            _changes.Release();
            try
            {
                if (!Immediate(request))
                {
                    await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                var response = _answer(request);
                response.RequestMessage = request;
                return response;
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                _changes.Release();
            }
        }

        public static HttpResponseMessage Json(int status, string body) =>
            new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
