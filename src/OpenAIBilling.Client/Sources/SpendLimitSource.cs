using System;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Forecasting;
using OpenAIBilling.Http;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Balance for an Admin key: the organization spend limit minus this month's costs, fetched together. The costs
    /// request starts at the earlier of the month's start and today − 7, so the same answer gives the forecast's rate;
    /// only buckets that start in the month count as the month's spend (docs/DESIGN.md#output-objects-and-the-forecast).
    /// With no limit set, LimitUsd and AvailableUsd are null and UsedUsd is still given.
    /// </summary>
    internal sealed class SpendLimitSource : IBalanceSource
    {
        public BalanceSource Kind => BalanceSource.SpendLimit;

        public async Task<Balance> GetAsync(BillingCall call, DateTime today)
        {
            var month = DateRangeResolver.FromPeriod(Period.ThisMonth, today);
            var (limit, costs) = await Concurrently.BothAsync(
                call,
                c => SpendLimit.GetAsync(c, projectId: null),
                c => OrganizationCosts.GetAllAsync(c, SpendRate.FetchRange(month.Start, today), CostFilter.None)).ConfigureAwait(false);

            var spend = DailySpend.Of(costs);
            var balance = BalanceMath.Complete(new Balance
            {
                LimitUsd = limit.LimitUsd,
                UsedUsd = spend.Total(month),
                PeriodStart = month.Start,
                PeriodEnd = month.End,
            });
            Forecast.Apply(balance, today, SpendRate.Of(spend, today), CalendarMonth.LastDay(today), expiresAt: null);
            return balance;
        }
    }
}
