using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Http;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Balance for an Admin key: the organization spend limit minus this month's costs, fetched together.
    /// With no limit set, LimitUsd and AvailableUsd are null and UsedUsd is still given.
    /// </summary>
    internal sealed class SpendLimitSource : IBalanceSource
    {
        public BalanceSource Kind => BalanceSource.SpendLimit;

        public async Task<Balance> GetAsync(BillingCall call, DateTime today)
        {
            var month = DateRangeResolver.FromPeriod(Period.ThisMonth, today);
            var (limit, costs) = await Concurrently.BothAsync(
                SpendLimit.GetAsync(call, projectId: null),
                OrganizationCosts.GetAllAsync(call, month, CostFilter.None)).ConfigureAwait(false);

            var daily = new Dictionary<DateTime, decimal>();
            decimal used = 0m;
            foreach (var fact in costs)
            {
                used += fact.AmountUsd;
                daily[fact.Day] = (daily.TryGetValue(fact.Day, out var sum) ? sum : 0m) + fact.AmountUsd;
            }

            var balance = BalanceMath.Complete(new Balance
            {
                LimitUsd = limit.LimitUsd,
                UsedUsd = used,
                PeriodStart = month.Start,
                PeriodEnd = month.End,
            });
            Forecast.Apply(balance, month.Start, month.Start.AddMonths(1).AddDays(-1), today, daily, month.Start);
            return balance;
        }
    }
}
