using System;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using OpenAIBilling.Legacy;

namespace OpenAIBilling.Sources
{
    /// <summary>Balance from the legacy credit grants: granted, used and left, expiring with the earliest live grant.</summary>
    internal sealed class CreditGrantsSource : IBalanceSource
    {
        public BalanceSource Kind => BalanceSource.CreditGrants;

        public async Task<Balance> GetAsync(BillingCall call, DateTime today)
        {
            var summary = await LegacyDashboard.GetCreditGrantsAsync(call).ConfigureAwait(false);
            return BalanceMath.Complete(new Balance
            {
                LimitUsd = summary.TotalGrantedUsd,
                UsedUsd = summary.TotalUsedUsd,
                AvailableUsd = summary.TotalAvailableUsd,
                ExpiresAt = summary.EarliestExpiryWithMoneyLeft,
            });
        }
    }
}
