using System;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Legacy;

namespace OpenAIBilling.Queries
{
    /// <summary>
    /// Answers "what is my limit and plan": the organization (or a project's) spend limit for an Admin key,
    /// the legacy subscription for any other key.
    /// </summary>
    internal static class SubscriptionQuery
    {
        public static async Task<Subscription> GetAsync(BillingCall call, string? projectId)
        {
            var subscription = call.Key.Kind == KeyKind.Admin
                ? await FromSpendLimitAsync(call, projectId).ConfigureAwait(false)
                : await FromLegacyAsync(call, projectId).ConfigureAwait(false);
            subscription.RetrievedAt = DateTimeOffset.UtcNow;
            return subscription;
        }

        private static async Task<Subscription> FromSpendLimitAsync(BillingCall call, string? projectId)
        {
            var limit = await SpendLimit.GetAsync(call, projectId).ConfigureAwait(false);
            call.Settings.Log.Verbose("the SpendLimit source answered.");
            return new Subscription
            {
                Source = SourceNames.SpendLimit,
                HardLimitUsd = limit.LimitUsd,
                Interval = limit.Interval,
                EnforcementStatus = limit.EnforcementStatus,
                ProjectId = projectId,
            };
        }

        private static async Task<Subscription> FromLegacyAsync(BillingCall call, string? projectId)
        {
            if (projectId != null)
            {
                throw new BillingException(BillingErrorId.InvalidArgument,
                    "-ProjectId needs an Admin key: only the organization API has per-project spend limits.",
                    Advice.Of(AdviceKind.ProjectSpendLimitNeedsAdminKey));
            }

            var legacy = await LegacyDashboard.GetSubscriptionAsync(call).ConfigureAwait(false);
            call.Settings.Log.Verbose("the Subscription source answered.");
            bool unlimited = legacy.IsUnlimited;
            return new Subscription
            {
                Source = SourceNames.Subscription,
                HardLimitUsd = unlimited ? null : legacy.HardLimitUsd,
                SoftLimitUsd = unlimited ? null : legacy.SoftLimitUsd,
                SystemHardLimitUsd = unlimited ? null : legacy.SystemHardLimitUsd,
                HasPaymentMethod = legacy.HasPaymentMethod,
                PlanId = legacy.PlanId,
                PlanTitle = legacy.PlanTitle,
                AccessUntil = legacy.AccessUntil,
                IsUnlimited = unlimited,
            };
        }
    }
}
