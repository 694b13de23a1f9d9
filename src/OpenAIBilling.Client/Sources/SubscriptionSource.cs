using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAIBilling.Dates;
using OpenAIBilling.Http;
using OpenAIBilling.Legacy;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Balance from the legacy subscription and usage, fetched together: the hard limit minus the month's usage
    /// (or, without a payment method, the last 100 days').
    /// </summary>
    internal sealed class SubscriptionSource : IBalanceSource
    {
        public BalanceSource Kind => BalanceSource.Subscription;

        public async Task<Balance> GetAsync(BillingCall call, DateTime today)
        {
            var month = DateRangeResolver.FromPeriod(Period.ThisMonth, today);
            var (subscription, usage) = await Concurrently.BothAsync(
                LegacyDashboard.GetSubscriptionAsync(call),
                LegacyDashboard.GetUsageAsync(call, month)).ConfigureAwait(false);

            var periodEnd = month.Start.AddMonths(1).AddDays(-1);
            if (subscription.HasPaymentMethod == false)
            {
                var lastHundredDays = new DateRange(today.AddDays(-(LegacyDashboard.MaximumUsageDays - 1)), today);
                usage = await LegacyDashboard.GetUsageAsync(call, lastHundredDays).ConfigureAwait(false);
                periodEnd = today;
            }

            var balance = new Balance
            {
                LimitUsd = subscription.IsUnlimited ? null : subscription.HardLimitUsd,
                UsedUsd = usage.TotalUsd,
                IsUnlimited = subscription.IsUnlimited,
                ExpiresAt = call.Host.IsOpenAI ? null : subscription.AccessUntil,
            };

            if (usage.HasDailyBreakdown)
            {
                balance.PeriodStart = usage.Window.Start;
                balance.PeriodEnd = usage.Window.End;
            }

            BalanceMath.Complete(balance);
            if (usage.HasDailyBreakdown)
            {
                Forecast.Apply(balance, usage.Window.Start, periodEnd, today, DailyTotals(usage), usage.Window.Start);
            }

            return balance;
        }

        private static Dictionary<DateTime, decimal> DailyTotals(LegacyUsage usage)
        {
            var totals = new Dictionary<DateTime, decimal>();
            foreach (var day in usage.Days!)
            {
                totals[day.Date] = (totals.TryGetValue(day.Date, out var sum) ? sum : 0m) + day.TotalUsd;
            }

            return totals;
        }
    }
}
