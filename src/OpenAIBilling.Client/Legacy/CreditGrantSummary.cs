using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenAIBilling.Json;

namespace OpenAIBilling.Legacy
{
    /// <summary>The body of <c>GET /dashboard/billing/credit_grants</c> (amounts already in USD).</summary>
    internal sealed class CreditGrantSummary
    {
        public decimal TotalGrantedUsd { get; private set; }

        public decimal TotalUsedUsd { get; private set; }

        public decimal TotalAvailableUsd { get; private set; }

        public IReadOnlyList<Grant> Grants { get; private set; } = Array.Empty<Grant>();

        /// <summary>The earliest expiry among grants with money left, or null.</summary>
        public DateTimeOffset? EarliestExpiryWithMoneyLeft
        {
            get
            {
                DateTimeOffset? earliest = null;
                foreach (var grant in Grants)
                {
                    if (grant.AvailableUsd > 0 && grant.ExpiresAt.HasValue && (earliest == null || grant.ExpiresAt < earliest))
                    {
                        earliest = grant.ExpiresAt;
                    }
                }

                return earliest;
            }
        }

        public static CreditGrantSummary Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BodyShapeException("the body is not a JSON object");
            }

            var grants = new List<Grant>();
            var grantsObject = JsonRead.Object(root, "grants");
            var data = grantsObject.HasValue ? JsonRead.Array(grantsObject.Value, "data") : null;
            if (data.HasValue)
            {
                foreach (var item in data.Value.EnumerateArray())
                {
                    decimal amount = JsonRead.Decimal(item, "grant_amount") ?? 0m;
                    decimal used = JsonRead.Decimal(item, "used_amount") ?? 0m;
                    grants.Add(new Grant(JsonRead.String(item, "id"), amount, used,
                        JsonRead.UnixTime(item, "effective_at"), JsonRead.UnixTime(item, "expires_at")));
                }
            }

            var granted = JsonRead.Decimal(root, "total_granted");
            var usedTotal = JsonRead.Decimal(root, "total_used");
            if (granted == null && usedTotal == null && !data.HasValue)
            {
                throw new BodyShapeException("it has neither totals nor grants");
            }

            decimal sumGranted = 0m, sumUsed = 0m;
            foreach (var grant in grants)
            {
                sumGranted += grant.AmountUsd;
                sumUsed += grant.UsedUsd;
            }

            decimal grantedUsd = granted ?? sumGranted;
            decimal usedUsd = usedTotal ?? sumUsed;
            return new CreditGrantSummary
            {
                TotalGrantedUsd = grantedUsd,
                TotalUsedUsd = usedUsd,
                TotalAvailableUsd = JsonRead.Decimal(root, "total_available") ?? grantedUsd - usedUsd,
                Grants = grants,
            };
        }

        /// <summary>One grant.</summary>
        internal sealed class Grant
        {
            public Grant(string? id, decimal amountUsd, decimal usedUsd, DateTimeOffset? effectiveAt, DateTimeOffset? expiresAt)
            {
                Id = id;
                AmountUsd = amountUsd;
                UsedUsd = usedUsd;
                EffectiveAt = effectiveAt;
                ExpiresAt = expiresAt;
            }

            public string? Id { get; }

            public decimal AmountUsd { get; }

            public decimal UsedUsd { get; }

            public decimal AvailableUsd => AmountUsd - UsedUsd;

            public DateTimeOffset? EffectiveAt { get; }

            public DateTimeOffset? ExpiresAt { get; }
        }
    }
}
