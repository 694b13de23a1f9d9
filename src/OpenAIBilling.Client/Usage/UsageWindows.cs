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

        public static IReadOnlyList<UsageWindow> Split(DateTimeOffset start, DateTimeOffset end, BucketWidth width)
        {
            long widthTicks = Width(width).Ticks;
            long spanTicks = widthTicks * MaximumBuckets(width);
            var windows = new List<UsageWindow>();
            var windowStart = start.ToUniversalTime();
            end = end.ToUniversalTime();
            while (windowStart < end)
            {
                long alignedStart = windowStart.UtcTicks - (windowStart.UtcTicks % widthTicks);
                var windowEnd = new DateTimeOffset(alignedStart + spanTicks, TimeSpan.Zero);
                if (windowEnd > end)
                {
                    windowEnd = end;
                }

                int buckets = (int)((windowEnd.UtcTicks - alignedStart + widthTicks - 1) / widthTicks);
                windows.Add(new UsageWindow(windowStart, windowEnd, buckets));
                windowStart = windowEnd;
            }

            return windows;
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
