using System;
using System.Collections.Generic;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Where the money is heading, from the daily costs already fetched (docs/DESIGN.md, "Output objects and the forecast"): the mean of the complete UTC
    /// days of the period (at most the last 7), the period's projected spend, and the day the money runs out.
    /// </summary>
    public static class Forecast
    {
        public const int AverageDays = 7;
        private const int Decimals = 6;

        /// <param name="balance">The balance to complete; its UsedUsd and AvailableUsd are read.</param>
        /// <param name="periodStart">The period's first day.</param>
        /// <param name="periodEnd">The period's last day (the month's last day for monthly limits).</param>
        /// <param name="today">Today (UTC).</param>
        /// <param name="dailyCostsUsd">Spend per UTC day, for the days fetched; a fetched day missing here spent 0.</param>
        /// <param name="fetchedFrom">The first day the fetched data covers.</param>
        public static void Apply(Balance balance, DateTime periodStart, DateTime periodEnd, DateTime today,
            IReadOnlyDictionary<DateTime, decimal> dailyCostsUsd, DateTime fetchedFrom)
        {
            DateTime firstDay = Max(Max(periodStart, fetchedFrom), today.AddDays(-AverageDays));
            DateTime lastCompleteDay = today.AddDays(-1);
            if (lastCompleteDay < firstDay)
            {
                return;
            }

            decimal sum = 0m;
            int days = 0;
            for (var day = firstDay; day <= lastCompleteDay; day = day.AddDays(1))
            {
                sum += dailyCostsUsd.TryGetValue(day, out var cost) ? cost : 0m;
                days++;
            }

            decimal rate = sum / days;
            balance.DailyAverageUsd = Math.Round(rate, Decimals);
            int daysLeft = Math.Max(0, (int)(periodEnd - today).TotalDays);
            if (balance.UsedUsd.HasValue)
            {
                balance.ProjectedPeriodUsd = Math.Round(balance.UsedUsd.Value + (rate * daysLeft), Decimals);
            }

            if (balance.AvailableUsd.HasValue && rate > 0)
            {
                decimal daysToEmpty = balance.AvailableUsd.Value <= 0 ? 0 : Math.Ceiling(balance.AvailableUsd.Value / rate);
                if (daysToEmpty <= daysLeft)
                {
                    balance.ProjectedExhaustion = today.AddDays((double)daysToEmpty);
                }
            }
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }
}
