using System;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Forecasting
{
    /// <summary>
    /// The forecast's rate: the mean spend of the last 7 complete UTC days (the 7 days before today), whether or not
    /// they lie in the current period. See docs/DESIGN.md#output-objects-and-the-forecast.
    /// </summary>
    internal sealed class SpendRate
    {
        /// <summary>How many complete days the rate averages.</summary>
        public const int Days = 7;

        private SpendRate(decimal lastDaysUsd) => LastDaysUsd = lastDaysUsd;

        /// <summary>What the 7 days spent together, in USD.</summary>
        public decimal LastDaysUsd { get; }

        /// <summary>The mean spend per day, unrounded.</summary>
        public decimal PerDayUsd => LastDaysUsd / Days;

        public bool IsZero => LastDaysUsd <= 0m;

        /// <summary>The days the rate is taken over: today − 7 … today − 1.</summary>
        public static DateRange Window(DateTime today)
        {
            today = DateRange.DateOnly(today);
            return new DateRange(today.AddDays(-Days), today.AddDays(-1));
        }

        /// <summary>
        /// The first day a request must cover so that one answer gives both a period's spend and the rate: the
        /// earlier of the period's start and today − 7.
        /// </summary>
        public static DateTime FetchFrom(DateTime periodStart, DateTime today)
        {
            var rateStart = Window(today).Start;
            return periodStart < rateStart ? DateRange.DateOnly(periodStart) : rateStart;
        }

        /// <summary>The days that one request fetches for a period that runs to today: <see cref="FetchFrom"/> … today.</summary>
        public static DateRange FetchRange(DateTime periodStart, DateTime today) => new DateRange(FetchFrom(periodStart, today), today);

        public static SpendRate FromWeekUsd(decimal lastDaysUsd) => new SpendRate(lastDaysUsd);

        internal static SpendRate Of(DailySpend spend, DateTime today) => new SpendRate(spend.Total(Window(today)));

        /// <summary>
        /// The UTC day <paramref name="amountUsd"/> is spent at this rate, counting whole days from today: today when
        /// nothing is left, null when the rate is 0 (it is never spent).
        /// </summary>
        public DateTime? DayReaching(decimal amountUsd, DateTime today)
        {
            if (IsZero)
            {
                return null;
            }

            today = DateRange.DateOnly(today);
            if (amountUsd <= 0m)
            {
                return today;
            }

            // amount ÷ (week ÷ 7), computed as amount × 7 ÷ week so that exact rates give exact whole days.
            decimal days = decimal.Ceiling(amountUsd * Days / LastDaysUsd);
            return days > 36500m ? (DateTime?)null : today.AddDays((double)days);
        }
    }
}
