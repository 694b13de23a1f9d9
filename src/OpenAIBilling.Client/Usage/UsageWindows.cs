using System;
using System.Collections.Generic;

namespace OpenAIBilling.Usage
{
    /// <summary>
    /// Cuts a span into windows of at most one page of buckets (31 × 1d, 168 × 1h, 1440 × 1m). Window edges after the
    /// first fall on bucket boundaries, so an unaligned start never makes a window one bucket too many.
    /// </summary>
    internal static class UsageWindows
    {
        public static string WireWidth(BucketWidth width) => width == BucketWidth.Day ? "1d" : width == BucketWidth.Hour ? "1h" : "1m";

        public static TimeSpan Width(BucketWidth width) =>
            width == BucketWidth.Day ? TimeSpan.FromDays(1) : width == BucketWidth.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(1);

        public static int MaximumBuckets(BucketWidth width) => width == BucketWidth.Day ? 31 : width == BucketWidth.Hour ? 168 : 1440;

        /// <summary>The windows of the span, made one at a time as they are asked for (a span of minutes can hold 740,000).</summary>
        public static IEnumerable<UsageWindow> Split(DateTimeOffset start, DateTimeOffset end, BucketWidth width)
        {
            long widthTicks = Width(width).Ticks;
            long spanTicks = widthTicks * MaximumBuckets(width);
            var windowStart = start.ToUniversalTime();
            end = end.ToUniversalTime();
            while (windowStart < end)
            {
                long alignedStart = windowStart.UtcTicks - (windowStart.UtcTicks % widthTicks);
                var windowEnd = alignedStart + spanTicks >= end.UtcTicks ? end : new DateTimeOffset(alignedStart + spanTicks, TimeSpan.Zero);
                int buckets = (int)((windowEnd.UtcTicks - alignedStart + widthTicks - 1) / widthTicks);
                yield return new UsageWindow(windowStart, windowEnd, buckets);
                windowStart = windowEnd;
            }
        }

        /// <summary>How many windows <see cref="Split"/> makes, without making them.</summary>
        public static long Count(DateTimeOffset start, DateTimeOffset end, BucketWidth width)
        {
            long widthTicks = Width(width).Ticks;
            long spanTicks = widthTicks * MaximumBuckets(width);
            long startTicks = start.UtcTicks, endTicks = end.UtcTicks;
            if (startTicks >= endTicks)
            {
                return 0;
            }

            long firstEnd = startTicks - (startTicks % widthTicks) + spanTicks;
            return firstEnd >= endTicks ? 1 : 1 + ((endTicks - firstEnd + spanTicks - 1) / spanTicks);
        }
    }

    /// <summary>One request's span and how many buckets it holds.</summary>
    internal sealed class UsageWindow
    {
        public UsageWindow(DateTimeOffset start, DateTimeOffset end, int buckets)
        {
            Start = start;
            End = end;
            Buckets = buckets;
        }

        public DateTimeOffset Start { get; }

        public DateTimeOffset End { get; }

        public int Buckets { get; }
    }
}
