using System;

namespace OpenAIBilling.Admin
{
    /// <summary>Unix seconds for the organization APIs' <c>start_time</c> and <c>end_time</c>.</summary>
    internal static class UnixTime
    {
        public static long Seconds(DateTime utcDate) => new DateTimeOffset(DateTime.SpecifyKind(utcDate, DateTimeKind.Utc)).ToUnixTimeSeconds();

        public static long Seconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();
    }
}
