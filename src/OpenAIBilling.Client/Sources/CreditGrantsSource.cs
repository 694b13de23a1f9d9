using System;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Forecasting;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Legacy;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Balance from the legacy credit grants: granted, used and left, expiring with the earliest live grant. For a
    /// session key the last 7 complete days of usage are asked together with the grants, for the forecast: the day
    /// the credit runs out, unless the grants expire first (docs/DESIGN.md#output-objects-and-the-forecast).
    /// </summary>
    internal sealed class CreditGrantsSource : IBalanceSource
    {
        public BalanceSource Kind => BalanceSource.CreditGrants;

        public async Task<Balance> GetAsync(BillingCall call, DateTime today)
        {
            if (call.Key.Kind != KeyKind.Session)
            {
                return FromSummary(await LegacyDashboard.GetCreditGrantsAsync(call).ConfigureAwait(false));
            }

            var (summary, lastWeek) = await Concurrently.BothAsync(
                call,
                c => LegacyDashboard.GetCreditGrantsAsync(c),
                c => LastWeekAsync(c, today)).ConfigureAwait(false);
            var balance = FromSummary(summary);
            if (lastWeek?.HasDailyBreakdown == true)
            {
                Forecast.Apply(balance, today, SpendRate.Of(lastWeek.ByDay(), today), periodEnd: null, balance.ExpiresAt);
            }

            return balance;
        }

        /// <summary>The last 7 complete days of usage; null when the host has no usage endpoint for the key (no forecast then).</summary>
        private static async Task<LegacyUsage?> LastWeekAsync(BillingCall call, DateTime today)
        {
            try
            {
                return await LegacyDashboard.GetUsageWindowAsync(call, SpendRate.Window(today)).ConfigureAwait(false);
            }
            catch (BillingException ex) when (ex.SourceDoesNotApply)
            {
                call.Settings.Log.Verbose($"no usage to forecast the credit from ({ex.ErrorId}).");
                return null;
            }
        }

        private static Balance FromSummary(CreditGrantSummary summary) => BalanceMath.Complete(new Balance
        {
            LimitUsd = summary.TotalGrantedUsd,
            UsedUsd = summary.TotalUsedUsd,
            AvailableUsd = summary.TotalAvailableUsd,
            ExpiresAt = summary.EarliestExpiryWithMoneyLeft,
        });
    }
}
