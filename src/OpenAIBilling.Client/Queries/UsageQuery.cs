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
using OpenAIBilling.Usage;

namespace OpenAIBilling.Queries
{
    /// <summary>
    /// Answers "what did I spend, on what" as cost records: the organization costs API for an Admin key, the
    /// legacy usage endpoint for any other key. Windows are fetched at once; Daily records are handed to
    /// <c>emit</c> window by window in date order, Total records when the whole range is in.
    /// </summary>
    internal static class UsageQuery
    {
        /// <summary>Runs the query; <paramref name="today"/> (UTC, fixed for the whole call) is the day a relay's record ends on.</summary>
        public static Task RunAsync(BillingCall call, DateRange range, DateTime today, CostGranularity granularity, CostFilter filter, Action<CostRecord> emit) =>
            call.Key.Kind == KeyKind.Admin
                ? FromCostsAsync(call, range, granularity, filter, emit)
                : FromDashboardAsync(call, range, today, granularity, filter, emit);

        private static async Task FromCostsAsync(BillingCall call, DateRange range, CostGranularity granularity, CostFilter filter, Action<CostRecord> emit)
        {
            var aggregator = new CostAggregator(filter.GroupBy, SourceNames.Costs);
            var windows = OrganizationCosts.StartWindows(call, range, filter);
            var all = new List<CostFact>();
            for (int i = 0; i < windows.Count; i++)
            {
                var facts = await windows[i].Answer.ConfigureAwait(false);
                ReportWindow(call, i + 1, windows.Count);
                if (granularity == CostGranularity.Daily)
                {
                    EmitAll(aggregator.Daily(windows[i].Window, facts), emit);
                }
                else
                {
                    all.AddRange(facts);
                }
            }

            if (granularity == CostGranularity.Total)
            {
                EmitAll(aggregator.Total(range, all), emit);
            }
        }

        private static async Task FromDashboardAsync(BillingCall call, DateRange range, DateTime today, CostGranularity granularity, CostFilter filter, Action<CostRecord> emit)
        {
            if (filter.GroupBy.Any(g => g != CostGroupBy.LineItem) || filter.ProjectIds.Count > 0 || filter.ApiKeyIds.Count > 0)
            {
                throw new BillingException(BillingErrorId.InvalidArgument,
                    "The dashboard usage endpoint knows only line items: -GroupBy Project or ApiKey, -ProjectId and -ApiKeyId need an Admin key.",
                    Advice.Of(AdviceKind.LineItemsOnly));
            }

            var aggregator = new CostAggregator(filter.GroupBy, SourceNames.DashboardUsage);
            var windows = LegacyDashboard.StartUsageWindows(call, range);
            var done = new List<LegacyUsage>();
            foreach (var window in windows)
            {
                var usage = await window.Answer.ConfigureAwait(false);
                done.Add(usage);
                ReportWindow(call, done.Count, windows.Count);
                if (!usage.HasDailyBreakdown && done.All(w => !w.HasDailyBreakdown))
                {
                    var all = await WindowRequests.AllAsync(windows).ConfigureAwait(false);
                    if (all.All(w => !w.HasDailyBreakdown))
                    {
                        EmitSinceCreated(call, range, today, granularity, filter, LegacyUsageMerge.Merge(range, all), emit);
                        return;
                    }
                }

                if (granularity == CostGranularity.Daily)
                {
                    // A window with a total only (a server mixing both shapes) is one record covering that window.
                    EmitAll(usage.HasDailyBreakdown ? aggregator.Daily(usage.Window, usage.Facts()) : aggregator.Total(usage.Window, usage.Facts()), emit);
                }
            }

            if (granularity == CostGranularity.Total)
            {
                EmitAll(aggregator.Total(range, LegacyUsageMerge.Merge(range, done).Facts()), emit);
            }
        }

        /// <summary>
        /// A relay's answer: the token's spending since it was created, whatever dates were sent. The record says so
        /// (no StartDate, EndDate today), and one warning naming the key says when that is not what was asked.
        /// </summary>
        private static void EmitSinceCreated(BillingCall call, DateRange range, DateTime today, CostGranularity granularity, CostFilter filter, LegacyUsage usage, Action<CostRecord> emit)
        {
            var differences = new List<string>();
            if (!RelayUsage.AsksForAllTime(range, today))
            {
                differences.Add($"not {range} as asked");
            }

            if (granularity == CostGranularity.Daily || filter.GroupBy.Count > 0)
            {
                differences.Add("with no daily or line-item breakdown");
            }

            if (differences.Count > 0)
            {
                call.Settings.Log.Warning($"{call.Key.Hint}: {call.Host.Display} reports the token's spending since it was created, whatever dates are asked: one record with no StartDate and EndDate {DateRange.Format(today)} covers all of it, {string.Join(", ", differences)}.");
            }

            emit(new CostRecord
            {
                StartDate = null,
                EndDate = DateRange.DateOnly(today),
                AmountUsd = usage.TotalUsd,
                Source = SourceNames.DashboardUsage,
            });
        }

        /// <summary>Tells the caller how far a range split into several windows has come.</summary>
        internal static void ReportWindow(BillingCall call, int done, int total)
        {
            if (total > 1)
            {
                call.Settings.Log.WindowProgress(done, total);
            }
        }

        private static void EmitAll(IEnumerable<CostRecord> records, Action<CostRecord> emit)
        {
            foreach (var record in records)
            {
                emit(record);
            }
        }
    }
}
