using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// The requests in flight of one cmdlet call: a slot is held only while a request is on the wire, never during a
    /// retry delay. With <c>-ThrottleLimit</c> that many, whatever the hosts. Without it (<see cref="CreateDefault"/>)
    /// <see cref="DefaultLimit"/> in all, but at most <see cref="DefaultPerHostLimit"/> to a host until it has answered
    /// over HTTP/2 (where they are streams on one connection, not a connection and a handshake each), and again at
    /// most that many to a host that answered 429 during the call.
    /// </summary>
    internal sealed class RequestThrottle : IDisposable
    {
        /// <summary>Requests in flight for a call without <c>-ThrottleLimit</c>, across hosts.</summary>
        public const int DefaultLimit = 64;

        /// <summary>Without <c>-ThrottleLimit</c>: requests in flight to one host not known to speak HTTP/2, or one that answered 429.</summary>
        public const int DefaultPerHostLimit = 8;

        private readonly SemaphoreSlim _slots;
        private readonly bool _sparesHosts;
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostSlots = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, bool> _rateLimitedHosts = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A throttle of exactly <paramref name="limit"/> requests in flight (<c>-ThrottleLimit</c>).</summary>
        public RequestThrottle(int limit)
            : this(limit, sparesHosts: false)
        {
        }

        private RequestThrottle(int limit, bool sparesHosts)
        {
            _slots = new SemaphoreSlim(limit, limit);
            Limit = limit;
            _sparesHosts = sparesHosts;
        }

        /// <summary>How many requests may be on the wire at once, across hosts.</summary>
        public int Limit { get; }

        /// <summary>The throttle of a call that did not bind <c>-ThrottleLimit</c>.</summary>
        public static RequestThrottle CreateDefault() => new RequestThrottle(DefaultLimit, sparesHosts: true);

        /// <summary>The number of inputs worth starting ahead: enough to keep every slot busy behind a slow one.</summary>
        public int InputsAhead => 4 * Limit;

        public async Task<IDisposable> EnterAsync(Uri uri, CancellationToken cancellationToken)
        {
            SemaphoreSlim? hostSlots = null;
            if (_sparesHosts)
            {
                string origin = HostProtocols.Origin(uri);
                if (!HostProtocols.SpeaksHttp2(uri) || _rateLimitedHosts.ContainsKey(origin))
                {
                    hostSlots = _hostSlots.GetOrAdd(origin, _ => new SemaphoreSlim(DefaultPerHostLimit, DefaultPerHostLimit));
                    await hostSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            try
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                hostSlots?.Release();
                throw;
            }

            return new Slot(_slots, hostSlots);
        }

        /// <summary>Learns from an answer: the version its host speaks, and whether it asked to slow down.</summary>
        public void Observe(Uri uri, Version version, int statusCode)
        {
            HostProtocols.Record(uri, version);
            if (statusCode == 429)
            {
                _rateLimitedHosts[HostProtocols.Origin(uri)] = true;
            }
        }

        public void Dispose()
        {
            _slots.Dispose();
            foreach (var hostSlots in _hostSlots.Values)
            {
                hostSlots.Dispose();
            }
        }

        private sealed class Slot : IDisposable
        {
            private SemaphoreSlim? _owner;
            private SemaphoreSlim? _host;

            public Slot(SemaphoreSlim owner, SemaphoreSlim? host)
            {
                _owner = owner;
                _host = host;
            }

            public void Dispose()
            {
                Interlocked.Exchange(ref _owner, null)?.Release();
                Interlocked.Exchange(ref _host, null)?.Release();
            }
        }
    }
}
