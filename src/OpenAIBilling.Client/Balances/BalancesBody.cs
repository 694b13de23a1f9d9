using System;
using System.Text.Json;
using OpenAIBilling.Json;

namespace OpenAIBilling.Balances
{
    /// <summary>
    /// The body of <c>GET /v1/balances</c> on hosts that have it:
    /// <c>{object:"balance", total_granted_usd, total_used_usd, total_available_usd, expires_at}</c>.
    /// </summary>
    internal sealed class BalancesBody
    {
        public decimal? GrantedUsd { get; private set; }

        public decimal? UsedUsd { get; private set; }

        public decimal? AvailableUsd { get; private set; }

        public DateTimeOffset? ExpiresAt { get; private set; }

        /// <summary>Reads a balance body; null when the body is JSON but not a balance (the host lacks the endpoint).</summary>
        public static BalancesBody? TryParse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var granted = JsonRead.Decimal(root, "total_granted_usd");
            var used = JsonRead.Decimal(root, "total_used_usd");
            var available = JsonRead.Decimal(root, "total_available_usd");
            if (granted == null && available == null)
            {
                return null;
            }

            JsonRead.RequireUsd(root, "currency");
            var expires = JsonRead.Decimal(root, "expires_at");
            return new BalancesBody
            {
                GrantedUsd = granted,
                UsedUsd = used ?? (granted - available),
                AvailableUsd = available ?? (granted - used),
                ExpiresAt = expires > 0 ? JsonRead.FromUnixSeconds(expires.Value) : null,
            };
        }
    }
}
