using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenAIBilling.Dates;
using OpenAIBilling.Forecasting;
using OpenAIBilling.Json;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Legacy
{
    /// <summary>
    /// The body of <c>GET /dashboard/billing/usage</c> for one window, converted from cents to USD here so that
    /// cents go no further. Relays send only <c>total_usage</c>: then <see cref="Days"/> is null.
    /// </summary>
    internal sealed class LegacyUsage
    {
        private LegacyUsage(DateRange window, decimal totalUsd, IReadOnlyList<DailyCost>? days, IReadOnlyList<LegacyUsage>? totalOnlyWindows = null)
        {
            Window = window;
            TotalUsd = totalUsd;
            Days = days;
            TotalOnlyWindows = totalOnlyWindows ?? Array.Empty<LegacyUsage>();
        }

        /// <summary>The days asked for (inclusive).</summary>
        public DateRange Window { get; }

        public decimal TotalUsd { get; }

        /// <summary>One entry per day the server listed, in date order; null when the server gives no breakdown.</summary>
        public IReadOnlyList<DailyCost>? Days { get; }

        public bool HasDailyBreakdown => Days != null;

        /// <summary>
        /// Of the windows merged into this one, those that came with a total only (a server that mixes both shapes);
        /// their money is in <see cref="TotalUsd"/> but in none of <see cref="Days"/>.
        /// </summary>
        public IReadOnlyList<LegacyUsage> TotalOnlyWindows { get; }

        public static LegacyUsage FromTotal(DateRange window, decimal totalUsd) => new LegacyUsage(window, totalUsd, null);

        public static LegacyUsage FromDays(DateRange window, decimal totalUsd, IReadOnlyList<DailyCost> days, IReadOnlyList<LegacyUsage>? totalOnlyWindows = null) =>
            new LegacyUsage(window, totalUsd, days, totalOnlyWindows);

        /// <summary>The money per UTC day of the daily breakdown (empty without one).</summary>
        public DailySpend ByDay() => DailySpend.Of(BreakdownFacts());

        /// <summary>
        /// The money as cost facts, each counted once: one per line item and day of the breakdown, and one for each
        /// window that has a total only, on its first day (or one for the whole answer when it has no breakdown).
        /// </summary>
        public IEnumerable<CostFact> Facts()
        {
            if (Days == null)
            {
                yield return new CostFact(Window.Start, TotalUsd, null, null, null, null, null);
                yield break;
            }

            foreach (var fact in BreakdownFacts())
            {
                yield return fact;
            }

            foreach (var window in TotalOnlyWindows)
            {
                yield return new CostFact(window.Window.Start, window.TotalUsd, null, null, null, null, null);
            }
        }

        /// <summary>One fact per line item and day of the daily breakdown (none without one).</summary>
        private IEnumerable<CostFact> BreakdownFacts()
        {
            foreach (var day in Days ?? Array.Empty<DailyCost>())
            {
                foreach (var item in day.LineItems)
                {
                    yield return new CostFact(day.Date, item.AmountUsd, item.Name, null, null, null, null);
                }
            }
        }

        public static LegacyUsage Parse(JsonElement root, DateRange window)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BodyShapeException("the body is not a JSON object");
            }

            var totalCents = JsonRead.Decimal(root, "total_usage");
            var dailyCosts = JsonRead.Array(root, "daily_costs");
            if (totalCents == null && dailyCosts == null)
            {
                throw new BodyShapeException("it has neither total_usage nor daily_costs");
            }

            List<DailyCost>? days = null;
            decimal sumCents = 0m;
            if (dailyCosts.HasValue)
            {
                days = new List<DailyCost>();
                foreach (var entry in dailyCosts.Value.EnumerateArray())
                {
                    var timestamp = JsonRead.UnixTime(entry, "timestamp")
                        ?? throw new BodyShapeException("a daily_costs entry has no usable timestamp");
                    var items = new List<LineItemCost>();
                    var lineItems = JsonRead.Array(entry, "line_items");
                    if (lineItems.HasValue)
                    {
                        foreach (var item in lineItems.Value.EnumerateArray())
                        {
                            decimal cents = JsonRead.Decimal(item, "cost") ?? 0m;
                            sumCents += cents;
                            items.Add(new LineItemCost(JsonRead.String(item, "name") ?? string.Empty, Cents.ToUsd(cents)));
                        }
                    }

                    days.Add(new DailyCost(DateRange.DateOnly(timestamp.UtcDateTime), items));
                }

                days.Sort((a, b) => a.Date.CompareTo(b.Date));
            }

            if (days != null && days.Count == 0 && totalCents > 0)
            {
                // An empty daily_costs beside a non-zero total is a relay that keeps the field but never fills it.
                days = null;
            }

            return new LegacyUsage(window, Cents.ToUsd(totalCents ?? sumCents), days);
        }
    }

    /// <summary>One day of the legacy usage body, its line items in USD.</summary>
    internal sealed class DailyCost
    {
        public DailyCost(DateTime date, IReadOnlyList<LineItemCost> lineItems)
        {
            Date = date;
            LineItems = lineItems;
        }

        public DateTime Date { get; }

        public IReadOnlyList<LineItemCost> LineItems { get; }
    }

    /// <summary>A line item's cost on one day, in USD.</summary>
    internal sealed class LineItemCost
    {
        public LineItemCost(string name, decimal amountUsd)
        {
            Name = name;
            AmountUsd = amountUsd;
        }

        public string Name { get; }

        public decimal AmountUsd { get; }
    }
}
