using System;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// The <c>-ThrottleLimit</c> of one cmdlet call: a slot is held only while a request is on the wire,
    /// never during a retry delay.
    /// </summary>
    public sealed class RequestThrottle : IDisposable
    {
        private readonly SemaphoreSlim _slots;

        public RequestThrottle(int limit)
        {
            Limit = limit;
            _slots = new SemaphoreSlim(limit, limit);
        }

        /// <summary>How many requests may be on the wire at once.</summary>
        public int Limit { get; }

        public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Slot(_slots);
        }

        public void Dispose() => _slots.Dispose();

        private sealed class Slot : IDisposable
        {
            private SemaphoreSlim? _owner;

            public Slot(SemaphoreSlim owner) => _owner = owner;

            public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
        }
    }
}
