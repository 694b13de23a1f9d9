using System;
using System.Text.Json;
using OpenAIBilling.Json;

namespace OpenAIBilling.Legacy
{
    /// <summary>The body of <c>GET /dashboard/billing/subscription</c> (OpenAI's old dashboard, and relays').</summary>
    internal sealed class LegacySubscription
    {
        /// <summary>Relays report unlimited tokens with this limit (one-api, new-api).</summary>
        public const decimal UnlimitedLimitUsd = 100000000m;

        public bool? HasPaymentMethod { get; private set; }

        public decimal? HardLimitUsd { get; private set; }

        public decimal? SoftLimitUsd { get; private set; }

        public decimal? SystemHardLimitUsd { get; private set; }

        public string? PlanId { get; private set; }

        public string? PlanTitle { get; private set; }

        /// <summary><c>access_until</c>; null when it is 0 (relays' "never") or absent.</summary>
        public DateTimeOffset? AccessUntil { get; private set; }

        public bool IsUnlimited => HardLimitUsd >= UnlimitedLimitUsd;

        public static LegacySubscription Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BodyShapeException("the body is not a JSON object");
            }

            var hard = JsonRead.Decimal(root, "hard_limit_usd");
            if (hard == null && JsonRead.Property(root, "has_payment_method") == null)
            {
                throw new BodyShapeException("it has neither hard_limit_usd nor has_payment_method");
            }

            var plan = JsonRead.Object(root, "plan");
            var accessUntil = JsonRead.Decimal(root, "access_until");
            return new LegacySubscription
            {
                HasPaymentMethod = JsonRead.Bool(root, "has_payment_method"),
                HardLimitUsd = hard,
                SoftLimitUsd = JsonRead.Decimal(root, "soft_limit_usd"),
                SystemHardLimitUsd = JsonRead.Decimal(root, "system_hard_limit_usd"),
                PlanId = plan.HasValue ? JsonRead.String(plan.Value, "id") : null,
                PlanTitle = plan.HasValue ? JsonRead.String(plan.Value, "title") : null,
                AccessUntil = accessUntil > 0 ? JsonRead.FromUnixSeconds(accessUntil.Value) : null,
            };
        }
    }
}
