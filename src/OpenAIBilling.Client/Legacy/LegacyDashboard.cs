using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAIBilling.Dates;
using OpenAIBilling.Http;
using OpenAIBilling.Responses;

namespace OpenAIBilling.Legacy
{
    /// <summary>
    /// The legacy dashboard endpoints: <c>/v1/dashboard/billing/…</c> first; on 404 <c>/dashboard/billing/…</c>
    /// once (<see cref="NotFoundMeaning.TryShortPath"/>), remembered per host for the life of the process once the short path has answered successfully.
    /// </summary>
    internal static class LegacyDashboard
    {
        /// <summary>The usage endpoint refuses more days than this in one request.</summary>
        public const int MaximumUsageDays = 100;

        private const string LongPrefix = "/v1/dashboard/billing/";
        private const string ShortPrefix = "/dashboard/billing/";
        private static readonly ConcurrentDictionary<string, bool> HostsWithoutV1 = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public static Task<LegacySubscription> GetSubscriptionAsync(BillingCall call) =>
            GetAsync(call, "subscription", "billing subscription", LegacySubscription.Parse);

        public static Task<CreditGrantSummary> GetCreditGrantsAsync(BillingCall call) =>
            GetAsync(call, "credit_grants", "credit grant summary", CreditGrantSummary.Parse);

        /// <summary>Usage for one window of at most 100 days (the wire's end date is exclusive).</summary>
        public static Task<LegacyUsage> GetUsageWindowAsync(BillingCall call, DateRange window) =>
            GetAsync(call,
                "usage?start_date=" + DateRange.Format(window.Start) + "&end_date=" + DateRange.Format(window.EndExclusive),
                "usage report",
                root => LegacyUsage.Parse(root, window));

        /// <summary>Starts every ≤100-day window of <paramref name="range"/> at once, as one <see cref="RequestGroup"/>; the tasks are in date order.</summary>
        public static IReadOnlyList<WindowRequest<LegacyUsage>> StartUsageWindows(BillingCall call, DateRange range) =>
            WindowRequests.Start(call, range, MaximumUsageDays, GetUsageWindowAsync);

        /// <summary>
        /// Usage over any range. Relays ignore the dates and answer their all-time total without a daily breakdown;
        /// then one window's total stands for the range (the windows all repeat it).
        /// </summary>
        public static async Task<LegacyUsage> GetUsageAsync(BillingCall call, DateRange range)
        {
            var windows = await WindowRequests.AllAsync(StartUsageWindows(call, range)).ConfigureAwait(false);
            return LegacyUsageMerge.Merge(range, windows);
        }

        private static async Task<T> GetAsync<T>(BillingCall call, string pathAndQuery, string what, Func<System.Text.Json.JsonElement, T> parse)
        {
            string hostKey = call.Host.Display;
            bool skipV1 = HostsWithoutV1.ContainsKey(hostKey);
            var verdict = skipV1
                ? await BillingTransport.GetAsync(call, Endpoint.LegacyShortPath, ShortPrefix + pathAndQuery).ConfigureAwait(false)
                : await BillingTransport.GetAsync(call, Endpoint.LegacyLongPath, LongPrefix + pathAndQuery).ConfigureAwait(false);
            if (verdict.NotFound == NotFoundMeaning.TryShortPath)
            {
                call.Settings.Log.Verbose($"{hostKey} has no {LongPrefix}; trying {ShortPrefix}.");
                var fallback = await BillingTransport.GetAsync(call, Endpoint.LegacyShortPathAfterNotFound, ShortPrefix + pathAndQuery).ConfigureAwait(false);
                if (fallback.NotFound != NotFoundMeaning.NeitherPath)
                {
                    // Remembered only when the short path answered for itself: one 502 or timeout proves nothing.
                    if (fallback.IsSuccess)
                    {
                        HostsWithoutV1[hostKey] = true;
                    }

                    verdict = fallback;
                }
            }

            return ResponseErrors.Read(call, verdict, what, parse);
        }
    }
}
