using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using OpenAIBilling.Legacy;

namespace OpenAIBilling.Queries
{
    /// <summary>Lists the credit grants of a session key's account, one object per grant.</summary>
    internal static class CreditGrantQuery
    {
        public static async Task<IReadOnlyList<CreditGrant>> GetAsync(BillingCall call)
        {
            var summary = await LegacyDashboard.GetCreditGrantsAsync(call).ConfigureAwait(false);
            var grants = new List<CreditGrant>();
            foreach (var grant in summary.Grants)
            {
                grants.Add(new CreditGrant
                {
                    Id = grant.Id,
                    GrantAmountUsd = grant.AmountUsd,
                    UsedAmountUsd = grant.UsedUsd,
                    AvailableUsd = grant.AvailableUsd,
                    EffectiveAt = grant.EffectiveAt,
                    ExpiresAt = grant.ExpiresAt,
                });
            }

            return grants;
        }
    }
}
