using System;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Forecasting
{
    /// <summary>
    /// Where the money is heading, from a <see cref="SpendRate"/> (docs/DESIGN.md#output-objects-and-the-forecast):
    /// the daily average, the period's projected spend and the day the money left runs out. Figures are rounded to
    /// 6 decimals, midpoints away from zero.
    /// </summary>
    internal static class Forecast
    {
        private const int Decimals = 6;

        /// <param name="balance">The balance to complete; its UsedUsd and AvailableUsd are read.</param>
        /// <param name="today">Today (UTC), fixed for the whole call.</param>
        /// <param name="rate">The mean spend of the last 7 complete days.</param>
        /// <param name="periodEnd">The last day of a periodic limit's period (the month's last day); null when the limit does not reset.</param>
        /// <param name="expiresAt">When the money expires (credit grants); null when it does not.</param>
        public static void Apply(Balance balance, DateTime today, SpendRate rate, DateTime? periodEnd, DateTimeOffset? expiresAt)
        {
            today = DateRange.DateOnly(today);
            balance.DailyAverageUsd = Round(rate.PerDayUsd);
            if (periodEnd.HasValue && balance.UsedUsd.HasValue)
            {
                int daysLeft = Math.Max(0, (int)(DateRange.DateOnly(periodEnd.Value) - today).TotalDays);
                balance.ProjectedPeriodUsd = Round(balance.UsedUsd.Value + (rate.PerDayUsd * daysLeft));
            }

            if (balance.AvailableUsd.HasValue)
            {
                var runsOut = rate.DayReaching(balance.AvailableUsd.Value, today);
                if (runsOut.HasValue && periodEnd.HasValue && runsOut.Value > DateRange.DateOnly(periodEnd.Value))
                {
                    runsOut = null; // the limit resets first
                }

                if (runsOut.HasValue && expiresAt.HasValue && new DateTimeOffset(runsOut.Value, TimeSpan.Zero) >= expiresAt.Value)
                {
                    runsOut = null; // the money expires first
                }

                balance.ProjectedExhaustion = runsOut;
            }
        }

        /// <summary>The house rounding of derived figures: midpoints away from zero.</summary>
        public static decimal Round(decimal value) => decimal.Round(value, Decimals, MidpointRounding.AwayFromZero);
    }
}
