using System;
using System.Threading.Tasks;
using OpenAIBilling.Balances;
using OpenAIBilling.Http;

namespace OpenAIBilling.Sources
{
    /// <summary>Balance from <c>GET /v1/balances</c>, on hosts that have it.</summary>
    internal sealed class BalancesEndpointSource : IBalanceSource
    {
        public BalanceSource Kind => BalanceSource.Balances;

        public async Task<Balance> GetAsync(BillingCall call, DateTime today)
        {
            var body = await BalancesEndpoint.GetAsync(call).ConfigureAwait(false);
            return BalanceMath.Complete(new Balance
            {
                LimitUsd = body.GrantedUsd,
                UsedUsd = body.UsedUsd,
                AvailableUsd = body.AvailableUsd,
                ExpiresAt = body.ExpiresAt,
            });
        }
    }
}
