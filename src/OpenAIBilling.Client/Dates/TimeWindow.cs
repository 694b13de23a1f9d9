using System;

namespace OpenAIBilling.Dates
{
    /// <summary>One request's span, [Start, End), and how many buckets it holds (<see cref="WindowSplitter"/>).</summary>
    internal sealed class TimeWindow
    {
        public TimeWindow(DateTimeOffset start, DateTimeOffset end, int buckets)
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
