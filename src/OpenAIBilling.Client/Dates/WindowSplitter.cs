using System;
using System.Collections.Generic;

namespace OpenAIBilling.Dates
{
    /// <summary>
    /// The one rule that cuts a span into an endpoint's windows: each holds at most one page of buckets of a width
    /// (docs/DESIGN.md, "Dates and windows"). Window edges after the first fall on bucket boundaries, so an unaligned
    /// start never makes a window one bucket too many. Costs and legacy usage split whole days through
    /// <see cref="DateRange.Split"/>; token usage splits instants through <c>UsageWindows</c>.
    /// </summary>
    internal static class WindowSplitter
    {
        /// <summary>The windows of [<paramref name="start"/>, <paramref name="end"/>), made one at a time as they are asked for (a span of minutes can hold 740,000).</summary>
        public static IEnumerable<TimeWindow> Split(DateTimeOffset start, DateTimeOffset end, TimeSpan width, int maximumBuckets)
        {
            long widthTicks = width.Ticks;
            long spanTicks = widthTicks * maximumBuckets;
            var windowStart = start.ToUniversalTime();
            end = end.ToUniversalTime();
            while (windowStart < end)
            {
                long alignedStart = windowStart.UtcTicks - (windowStart.UtcTicks % widthTicks);
                var windowEnd = alignedStart + spanTicks >= end.UtcTicks ? end : new DateTimeOffset(alignedStart + spanTicks, TimeSpan.Zero);
                int buckets = (int)((windowEnd.UtcTicks - alignedStart + widthTicks - 1) / widthTicks);
                yield return new TimeWindow(windowStart, windowEnd, buckets);
                windowStart = windowEnd;
            }
        }

        /// <summary>How many windows <see cref="Split"/> makes, without making them.</summary>
        public static long Count(DateTimeOffset start, DateTimeOffset end, TimeSpan width, int maximumBuckets)
        {
            long widthTicks = width.Ticks;
            long spanTicks = widthTicks * maximumBuckets;
            long startTicks = start.UtcTicks, endTicks = end.UtcTicks;
            if (startTicks >= endTicks)
            {
                return 0;
            }

            long firstEnd = startTicks - (startTicks % widthTicks) + spanTicks;
            return firstEnd >= endTicks ? 1 : 1 + ((endTicks - firstEnd + spanTicks - 1) / spanTicks);
        }
    }
}
