using System.Collections.Generic;
using System.Globalization;
using OpenAIBilling.Http;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Warns about figures no real account has — a negative limit or grant, more available than granted — naming the
    /// key and the field, so a hostile or broken host is noticed; the figures are still shown as the server sent them.
    /// </summary>
    internal static class FigureCheck
    {
        public static void Warn(BillingCall call, BillingRecord record)
        {
            foreach (string problem in Problems(record))
            {
                call.Settings.Log.Warning($"{call.Key.Hint}: {call.Host.Display} sent figures that do not add up: {problem}. They are shown as sent.");
            }
        }

        private static IEnumerable<string> Problems(BillingRecord record)
        {
            switch (record)
            {
                case Balance balance:
                    foreach (var p in Negative(nameof(Balance.LimitUsd), balance.LimitUsd)) yield return p;
                    foreach (var p in Negative(nameof(Balance.UsedUsd), balance.UsedUsd)) yield return p;
                    if (!balance.IsUnlimited && balance.AvailableUsd > balance.LimitUsd && balance.LimitUsd >= 0)
                    {
                        yield return $"AvailableUsd ({Money(balance.AvailableUsd)}) is more than LimitUsd ({Money(balance.LimitUsd)})";
                    }

                    break;
                case Subscription subscription:
                    foreach (var p in Negative(nameof(Subscription.HardLimitUsd), subscription.HardLimitUsd)) yield return p;
                    foreach (var p in Negative(nameof(Subscription.SoftLimitUsd), subscription.SoftLimitUsd)) yield return p;
                    foreach (var p in Negative(nameof(Subscription.SystemHardLimitUsd), subscription.SystemHardLimitUsd)) yield return p;
                    break;
                case CreditGrant grant:
                    foreach (var p in Negative(nameof(CreditGrant.GrantAmountUsd), grant.GrantAmountUsd)) yield return p;
                    foreach (var p in Negative(nameof(CreditGrant.UsedAmountUsd), grant.UsedAmountUsd)) yield return p;
                    if (grant.AvailableUsd > grant.GrantAmountUsd && grant.GrantAmountUsd >= 0)
                    {
                        yield return $"AvailableUsd ({Money(grant.AvailableUsd)}) of grant {grant.Id} is more than GrantAmountUsd ({Money(grant.GrantAmountUsd)})";
                    }

                    break;
            }
        }

        private static IEnumerable<string> Negative(string field, decimal? value)
        {
            if (value < 0)
            {
                yield return $"{field} is negative ({Money(value)})";
            }
        }

        private static string Money(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
    }
}
