using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIBilling.Dates;
using OpenAIBilling.Http;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// <c>GET /v1/organization/costs</c>: daily buckets, one page of up to 180 per window, windows fetched at once.
    /// </summary>
    internal static class OrganizationCosts
    {
        public const string Path = "/v1/organization/costs";
        private const int MaximumBucketsPerPage = 180;

        /// <summary>Starts every ≤180-day window of <paramref name="range"/> as one <see cref="RequestGroup"/>; the tasks are in date order.</summary>
        public static IReadOnlyList<WindowRequest<List<CostFact>>> StartWindows(BillingCall call, DateRange range, CostFilter filter) =>
            WindowRequests.Start(call, range, MaximumBucketsPerPage, (c, window) => GetWindowAsync(c, window, filter));

        public static async Task<List<CostFact>> GetAllAsync(BillingCall call, DateRange range, CostFilter filter)
        {
            var windows = await WindowRequests.AllAsync(StartWindows(call, range, filter)).ConfigureAwait(false);
            return windows.SelectMany(window => window).ToList();
        }

        private static async Task<List<CostFact>> GetWindowAsync(BillingCall call, DateRange window, CostFilter filter)
        {
            var query = new QueryString()
                .Add("start_time", UnixTime.Seconds(window.Start))
                .Add("end_time", UnixTime.Seconds(window.EndExclusive))
                .Add("bucket_width", "1d")
                .Add("limit", window.Days)
                .AddArray("group_by", filter.GroupBy.Select(WireName))
                .AddArray("project_ids", filter.ProjectIds)
                .AddArray("api_key_ids", filter.ApiKeyIds);

            var buckets = await PagedBuckets.GetAllAsync(call, Path, query, "costs page", CostResult.Parse).ConfigureAwait(false);
            var facts = new List<CostFact>();
            foreach (var bucket in buckets)
            {
                var day = DateRange.DateOnly(bucket.Start.UtcDateTime);
                foreach (var result in bucket.Results)
                {
                    facts.Add(new CostFact(day, result.AmountUsd, result.LineItem, result.ProjectId, result.ApiKeyId, result.Quantity, result.QuantityUnit));
                }
            }

            return facts;
        }

        private static string WireName(CostGroupBy groupBy)
        {
            switch (groupBy)
            {
                case CostGroupBy.LineItem: return "line_item";
                case CostGroupBy.Project: return "project_id";
                default: return "api_key_id";
            }
        }
    }
}
