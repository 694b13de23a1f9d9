using System;
using System.Collections.Generic;
using OpenAIBilling.Dates;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Forecasting
{
    /// <summary>
    /// Money spent per UTC day, as one request's answer gave it; a day the answer did not list spent nothing.
    /// See docs/DESIGN.md#output-objects-and-the-forecast.
    /// </summary>
    internal sealed class DailySpend
    {
        private readonly Dictionary<DateTime, decimal> _byDay = new Dictionary<DateTime, decimal>();

        /// <summary>The facts' money per UTC day (for costs, the day each bucket starts in).</summary>
        public static DailySpend Of(IEnumerable<CostFact> facts)
        {
            var spend = new DailySpend();
            foreach (var fact in facts)
            {
                spend.Add(fact.Day, fact.AmountUsd);
            }

            return spend;
        }

        public void Add(DateTime day, decimal amountUsd)
        {
            var date = DateRange.DateOnly(day);
            _byDay[date] = (_byDay.TryGetValue(date, out var sum) ? sum : 0m) + amountUsd;
        }

        /// <summary>The spend of the days of <paramref name="range"/>; days outside it never count.</summary>
        public decimal Total(DateRange range)
        {
            decimal total = 0m;
            foreach (var day in _byDay)
            {
                if (range.Contains(day.Key))
                {
                    total += day.Value;
                }
            }

            return total;
        }
    }
}
