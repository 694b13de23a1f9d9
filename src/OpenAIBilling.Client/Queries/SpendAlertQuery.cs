using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Forecasting;
using OpenAIBilling.Http;
using OpenAIBilling.Redaction;
using OpenAIBilling.Sources;

namespace OpenAIBilling.Queries
{
    /// <summary>
    /// Lists the spend alerts of the organization (or a project) and says, for each, what its current interval has
    /// spent and the day the forecast's rate reaches its threshold. The alerts and one costs request (the month and
    /// the 7 days before today, filtered to the project) are fetched together
    /// (docs/DESIGN.md#output-objects-and-the-forecast).
    /// </summary>
    internal static class SpendAlertQuery
    {
        private const string MonthInterval = "month";

        public static async Task<IReadOnlyList<SpendAlert>> GetAsync(BillingCall call, string? projectId, DateTime today)
        {
            var month = DateRangeResolver.FromPeriod(Period.ThisMonth, today);
            var filter = projectId == null ? CostFilter.None : new CostFilter { ProjectIds = new[] { projectId } };
            var (alerts, costs) = await Concurrently.BothAsync(
                call,
                c => SpendAlerts.ListAsync(c, projectId),
                c => OrganizationCosts.GetAllAsync(c, SpendRate.FetchRange(month.Start, today), filter)).ConfigureAwait(false);

            var spend = DailySpend.Of(costs);
            var rate = SpendRate.Of(spend, today);
            decimal monthUsed = spend.Total(month);
            var retrieved = DateTimeOffset.UtcNow;
            return alerts
                .Select(alert => Assess(alert, projectId, monthUsed, rate, today, retrieved))
                .OrderBy(alert => alert.ThresholdUsd)
                .ThenBy(alert => ShownId(alert, call), StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The Id as the user will see it: redacted for the key, as the record is when it is emitted.</summary>
        private static string? ShownId(SpendAlert alert, BillingCall call) =>
            string.IsNullOrEmpty(alert.Id) ? alert.Id : SecretRedactor.Redact(alert.Id, call.Key);

        private static SpendAlert Assess(SpendAlerts.Entry entry, string? projectId, decimal monthUsed, SpendRate rate, DateTime today, DateTimeOffset retrieved)
        {
            var alert = new SpendAlert
            {
                Id = entry.Id,
                ProjectId = entry.ProjectId ?? projectId,
                ThresholdUsd = entry.ThresholdUsd,
                Interval = entry.Interval,
                Channel = entry.Channel,
                Recipients = entry.Recipients.Count > 0 ? string.Join("; ", entry.Recipients) : null,
                RetrievedAt = retrieved,
            };

            if (!string.Equals(entry.Interval ?? MonthInterval, MonthInterval, StringComparison.OrdinalIgnoreCase))
            {
                return alert;
            }

            alert.PeriodUsedUsd = monthUsed;
            alert.Triggered = monthUsed >= entry.ThresholdUsd;
            if (!alert.Triggered)
            {
                var reached = rate.DayReaching(entry.ThresholdUsd - monthUsed, today);
                alert.ProjectedTriggerDate = reached <= CalendarMonth.LastDay(today) ? reached : null;
            }

            return alert;
        }
    }
}
