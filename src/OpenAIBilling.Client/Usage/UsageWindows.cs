using System;
using System.Collections.Generic;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Usage
{
    /// <summary>
    /// The token usage endpoints' bucket widths and their windows: at most one page of buckets each (31 × 1d,
    /// 168 × 1h, 1440 × 1m), cut by <see cref="WindowSplitter"/>.
    /// </summary>
    internal static class UsageWindows
    {
        public static string WireWidth(BucketWidth width) => width == BucketWidth.Day ? "1d" : width == BucketWidth.Hour ? "1h" : "1m";

        public static TimeSpan Width(BucketWidth width) =>
            width == BucketWidth.Day ? TimeSpan.FromDays(1) : width == BucketWidth.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(1);

        public static int MaximumBuckets(BucketWidth width) => width == BucketWidth.Day ? 31 : width == BucketWidth.Hour ? 168 : 1440;

        /// <summary>The windows of the span, made one at a time as they are asked for (a span of minutes can hold 740,000).</summary>
        public static IEnumerable<TimeWindow> Split(DateTimeOffset start, DateTimeOffset end, BucketWidth width) =>
            WindowSplitter.Split(start, end, Width(width), MaximumBuckets(width));

        /// <summary>How many windows <see cref="Split"/> makes, without making them.</summary>
        public static long Count(DateTimeOffset start, DateTimeOffset end, BucketWidth width) =>
            WindowSplitter.Count(start, end, Width(width), MaximumBuckets(width));
    }
}
