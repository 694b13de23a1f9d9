using System;
using System.Threading.Tasks;
using OpenAIBilling.Dates;
using OpenAIBilling.Forecasting;
using OpenAIBilling.Http;
using OpenAIBilling.Legacy;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Balance from the legacy subscription and usage, fetched together: the hard limit minus the month's usage
    /// (or, without a payment method, the last 100 days'). The month's usage request starts at the earlier of the
    /// month's start and today − 7, so a daily breakdown also gives the forecast's rate; the days before the month
    /// are then taken out of the total (docs/DESIGN.md#output-objects-and-the-forecast). Relays give no breakdown:
    /// their total is the token's spending since it was created, with no period and no forecast.
    /// </summary>
    internal sealed class SubscriptionSource : IBalanceSource
    {
        public BalanceSource Kind => BalanceSource.Subscription;

        public async Task<Balance> GetAsync(BillingCall call, DateTime today)
        {
            var month = DateRangeResolver.FromPeriod(Period.ThisMonth, today);
            var (subscription, usage) = await Concurrently.BothAsync(
                call,
                c => LegacyDashboard.GetSubscriptionAsync(c),
                c => LegacyDashboard.GetUsageAsync(c, SpendRate.FetchRange(month.Start, today))).ConfigureAwait(false);

            DateRange period = month;
            DateTime? periodEnd = CalendarMonth.LastDay(today);
            if (subscription.HasPaymentMethod == false)
            {
                // A free account's limit does not reset monthly: its usage is the last 100 days', with no period end.
                period = new DateRange(today.AddDays(-(LegacyDashboard.MaximumUsageDays - 1)), today);
                usage = await LegacyDashboard.GetUsageAsync(call, period).ConfigureAwait(false);
                periodEnd = null;
            }

            var balance = new Balance
            {
                LimitUsd = subscription.IsUnlimited ? null : subscription.HardLimitUsd,
                UsedUsd = usage.TotalUsd,
                IsUnlimited = subscription.IsUnlimited,
                ExpiresAt = call.Host.IsOpenAI ? null : subscription.AccessUntil,
            };

            if (!usage.HasDailyBreakdown)
            {
                return BalanceMath.Complete(balance);
            }

            var spend = usage.ByDay();
            if (usage.Window.Start < period.Start)
            {
                // The days asked only for the rate are not the period's spend.
                balance.UsedUsd -= spend.Total(new DateRange(usage.Window.Start, period.Start.AddDays(-1)));
            }

            balance.PeriodStart = period.Start;
            balance.PeriodEnd = period.End;
            BalanceMath.Complete(balance);
            Forecast.Apply(balance, today, SpendRate.Of(spend, today), periodEnd, balance.ExpiresAt);
            return balance;
        }
    }
}
