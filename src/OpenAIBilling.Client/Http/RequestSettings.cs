using System;
using System.Threading;

namespace OpenAIBilling.Http
{
    /// <summary>How requests are made for one cmdlet call: the common parameters (docs/DESIGN.md, "Keys, hosts and the environment").</summary>
    internal sealed class RequestSettings
    {
        public const int DefaultTimeoutSec = 60;
        public const int DefaultMaximumRetryCount = 2;

        public string? Organization { get; set; }

        public string? Project { get; set; }

        /// <summary>An HTTP proxy; null uses the platform's proxy settings.</summary>
        public Uri? Proxy { get; set; }

        public int TimeoutSec { get; set; } = DefaultTimeoutSec;

        public int MaximumRetryCount { get; set; } = DefaultMaximumRetryCount;

        /// <summary>A fixed delay between attempts; null means exponential backoff.</summary>
        public int? RetryIntervalSec { get; set; }

        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>Bounds requests in flight for the whole cmdlet call, across keys and windows.</summary>
        public RequestThrottle Throttle { get; set; } = RequestThrottle.CreateDefault();

        public IBillingLog Log { get; set; } = NullBillingLog.Instance;

        public CancellationToken CancellationToken { get; set; }

        /// <summary>A client to use instead of the shared one (tests hand in one with a fake handler).</summary>
        internal System.Net.Http.HttpClient? Client { get; set; }

        /// <summary>A copy whose requests stop with <paramref name="cancellationToken"/>.</summary>
        public RequestSettings WithCancellation(CancellationToken cancellationToken)
        {
            var copy = (RequestSettings)MemberwiseClone();
            copy.CancellationToken = cancellationToken;
            return copy;
        }
    }
}
