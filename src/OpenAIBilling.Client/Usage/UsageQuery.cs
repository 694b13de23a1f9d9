using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Legacy;

namespace OpenAIBilling.Usage
{
    /// <summary>
    /// Answers "what did I spend, on what" as cost records: the organization costs API for an Admin key, the
    /// legacy usage endpoint for any other key. Windows are fetched at once; Daily records are handed to
    /// <c>emit</c> window by window in date order, Total records when the whole range is in.
    /// </summary>
    public static class UsageQuery
    {
        public static Task RunAsync(BillingCall call, DateRange range, CostGranularity granularity, CostFilter filter, Action<CostRecord> emit) =>
            call.Key.Kind == KeyKind.Admin
                ? FromCostsAsync(call, range, granularity, filter, emit)
                : FromDashboardAsync(call, range, granularity, filter, emit);

        private static async Task FromCostsAsync(BillingCall call, DateRange range, CostGranularity granularity, CostFilter filter, Action<CostRecord> emit)
        {
            var aggregator = new CostAggregator(filter.GroupBy, SourceNames.Costs);
            var windows = OrganizationCosts.StartWindows(call, range, filter);
            var windowRanges = range.Split(OrganizationCosts.MaximumBucketsPerPage);
            var all = new List<CostFact>();
            for (int i = 0; i < windows.Count; i++)
            {
                var facts = await windows[i].ConfigureAwait(false);
                ReportWindow(call, i + 1, windows.Count);
                if (granularity == CostGranularity.Daily)
                {
                    EmitAll(call, aggregator.Daily(windowRanges[i], facts), emit);
                }
                else
                {
                    all.AddRange(facts);
                }
            }

            if (granularity == CostGranularity.Total)
            {
                EmitAll(call, aggregator.Total(range, all), emit);
            }
        }

        private static async Task FromDashboardAsync(BillingCall call, DateRange range, CostGranularity granularity, CostFilter filter, Action<CostRecord> emit)
        {
            if (filter.GroupBy.Any(g => g != CostGroupBy.LineItem) || filter.ProjectIds.Count > 0 || filter.ApiKeyIds.Count > 0)
            {
                throw new BillingException(BillingErrorId.InvalidArgument,
                    "The dashboard usage endpoint knows only line items: -GroupBy Project or ApiKey, -ProjectId and -ApiKeyId need an Admin key.",
                    "Use -GroupBy LineItem (or none) with this key, or use an Admin key (sk-admin-…).");
            }

            var aggregator = new CostAggregator(filter.GroupBy, SourceNames.DashboardUsage);
            var windows = LegacyDashboard.StartUsageWindows(call, range);
            var done = new List<LegacyUsage>();
            foreach (var window in windows)
            {
                var usage = await window.ConfigureAwait(false);
                done.Add(usage);
                ReportWindow(call, done.Count, windows.Count);
                if (!usage.HasDailyBreakdown)
                {
                    await Task.WhenAll(windows).ConfigureAwait(false);
                    EmitWithoutBreakdown(call, range, granularity, filter, LegacyUsageMerge.Merge(range, windows.Select(w => w.Result).ToList()), emit);
                    return;
                }

                if (granularity == CostGranularity.Daily)
                {
                    EmitAll(call, aggregator.Daily(usage.Window, Facts(usage)), emit);
                }
            }

            if (granularity == CostGranularity.Total)
            {
                EmitAll(call, aggregator.Total(range, done.SelectMany(Facts)), emit);
            }
        }

        private static void EmitWithoutBreakdown(BillingCall call, DateRange range, CostGranularity granularity, CostFilter filter, LegacyUsage usage, Action<CostRecord> emit)
        {
            if (granularity == CostGranularity.Daily || filter.GroupBy.Count > 0)
            {
                call.Settings.Log.Warning($"{call.Host.Display} gives no daily or line-item breakdown (relays report one total): one record covers {range}.");
            }

            emit(call.Stamp(new CostRecord
            {
                StartDate = range.Start,
                EndDate = range.End,
                AmountUsd = usage.TotalUsd,
                Source = SourceNames.DashboardUsage,
            }));
        }

        /// <summary>Tells the caller how far a range split into several windows has come.</summary>
        internal static void ReportWindow(BillingCall call, int done, int total)
        {
            if (total > 1)
            {
                call.Settings.Log.WindowProgress(done, total);
            }
        }

        private static IEnumerable<CostFact> Facts(LegacyUsage usage)
        {
            foreach (var day in usage.Days!)
            {
                foreach (var item in day.LineItems)
                {
                    yield return new CostFact(day.Date, item.AmountUsd, item.Name, null, null, null, null);
                }
            }
        }

        private static void EmitAll(BillingCall call, IEnumerable<CostRecord> records, Action<CostRecord> emit)
        {
            foreach (var record in records)
            {
                emit(call.Stamp(record));
            }
        }
    }
}
