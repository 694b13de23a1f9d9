using System;
using System.Globalization;
using System.Threading;
using OpenAIBilling.Responses;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// How often and after how long an answer is tried again (docs/DESIGN.md, "HTTP behaviour"): <c>retry-after-ms</c>,
    /// then <c>Retry-After</c>, then backoff. Which answers are tried again is <see cref="ResponseClassifier"/>'s to say.
    /// </summary>
    internal sealed class RetryPolicy
    {
        /// <summary>A server asking for a longer wait than this fails at once with <c>RateLimited</c>.</summary>
        public static readonly TimeSpan MaximumRequestedDelay = TimeSpan.FromSeconds(120);
        private static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(0.5);
        private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(8);
        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        private readonly int _maximumRetryCount;
        private readonly int? _fixedIntervalSec;

        public RetryPolicy(int maximumRetryCount, int? fixedIntervalSec)
        {
            _maximumRetryCount = maximumRetryCount;
            _fixedIntervalSec = fixedIntervalSec;
        }

        /// <summary>Whether retries remain after <paramref name="retriesDone"/> retries.</summary>
        public bool CanRetry(int retriesDone) => retriesDone < _maximumRetryCount;

        /// <summary>The delay the server asked for, if any (<c>retry-after-ms</c>, then <c>Retry-After</c> seconds or date).</summary>
        public static TimeSpan? RequestedDelay(ApiResponse response, DateTimeOffset now)
        {
            string? milliseconds = response.Header("retry-after-ms");
            if (milliseconds != null && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return FromSeconds(ms / 1000);
            }

            string? retryAfter = response.Header("retry-after");
            if (retryAfter == null)
            {
                return null;
            }

            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(retryAfter.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>
        /// A requested wait as a span; one too large to represent (<c>Infinity</c>, <c>1e12</c>) is
        /// <see cref="TimeSpan.MaxValue"/>, which is over the maximum and so fails as <c>RateLimited</c>.
        /// NaN never gets here: it is not <c>&gt;= 0</c>.
        /// </summary>
        private const double UnrepresentableSeconds = 1e9;

        private static TimeSpan FromSeconds(double seconds) =>
            seconds > UnrepresentableSeconds ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));

        /// <summary>The wait before retry number <paramref name="retryNumber"/> (1-based) when the server asked for none.</summary>
        public TimeSpan Backoff(int retryNumber)
        {
            if (_fixedIntervalSec.HasValue)
            {
                return TimeSpan.FromSeconds(_fixedIntervalSec.Value);
            }

            double seconds = BackoffBase.TotalSeconds * Math.Pow(2, retryNumber - 1);
            seconds = Math.Min(seconds, BackoffCap.TotalSeconds);
            double factor = 0.75 + (Jitter.Value!.NextDouble() * 0.5);
            return TimeSpan.FromSeconds(Math.Min(seconds * factor, BackoffCap.TotalSeconds));
        }
    }
}
