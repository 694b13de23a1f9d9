using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// One request per window of a date range, all started at once as one <see cref="RequestGroup"/>, each kept with
    /// the days it covers so no caller splits the range again (docs/DESIGN.md, "Dates and windows").
    /// </summary>
    internal static class WindowRequests
    {
        /// <summary>Starts <paramref name="fetch"/> for every window of at most <paramref name="maximumDays"/> days of <paramref name="range"/>; in date order.</summary>
        public static IReadOnlyList<WindowRequest<T>> Start<T>(BillingCall call, DateRange range, int maximumDays, Func<BillingCall, DateRange, Task<T>> fetch)
        {
            var group = new RequestGroup(call);
            return range.Split(maximumDays).Select(window => new WindowRequest<T>(window, group.RunAsync(c => fetch(c, window)))).ToList();
        }

        /// <summary>Every window's answer, in date order.</summary>
        public static Task<T[]> AllAsync<T>(IReadOnlyList<WindowRequest<T>> windows) => Task.WhenAll(windows.Select(window => window.Answer));
    }

    /// <summary>One window's days and the request that fetches them.</summary>
    internal sealed class WindowRequest<T>
    {
        public WindowRequest(DateRange window, Task<T> answer)
        {
            Window = window;
            Answer = answer;
        }

        public DateRange Window { get; }

        public Task<T> Answer { get; }
    }
}
