using System;
using System.Collections.Generic;
using System.Linq;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Usage
{
    /// <summary>
    /// Turns cost facts into <see cref="CostRecord"/>s for a range (spec §2.4): one per group for the whole range,
    /// or per day; ungrouped periods always get a record (0 when nothing was spent), groups only when non-zero;
    /// ordered by StartDate, LineItem, ProjectId, ApiKeyId (ordinal).
    /// </summary>
    internal sealed class CostAggregator
    {
        private readonly bool _byLineItem;
        private readonly bool _byProject;
        private readonly bool _byApiKey;
        private readonly string _source;

        public CostAggregator(IReadOnlyCollection<CostGroupBy> groupBy, string source)
        {
            _byLineItem = groupBy.Contains(CostGroupBy.LineItem);
            _byProject = groupBy.Contains(CostGroupBy.Project);
            _byApiKey = groupBy.Contains(CostGroupBy.ApiKey);
            _source = source;
        }

        private bool IsGrouped => _byLineItem || _byProject || _byApiKey;

        /// <summary>One record per group covering all of <paramref name="range"/>.</summary>
        public List<CostRecord> Total(DateRange range, IEnumerable<CostFact> facts) => Build(range, facts);

        /// <summary>Records per day of <paramref name="range"/>, in date order.</summary>
        public List<CostRecord> Daily(DateRange range, IEnumerable<CostFact> facts)
        {
            var byDay = facts.ToLookup(fact => fact.Day);
            var records = new List<CostRecord>();
            for (var day = range.Start; day <= range.End; day = day.AddDays(1))
            {
                records.AddRange(Build(new DateRange(day, day), byDay[day]));
            }

            return records;
        }

        private List<CostRecord> Build(DateRange range, IEnumerable<CostFact> facts)
        {
            var groups = new Dictionary<(string?, string?, string?), CostRecord>();
            var quantityKnown = new Dictionary<(string?, string?, string?), bool>();
            foreach (var fact in facts)
            {
                if (!range.Contains(fact.Day))
                {
                    continue;
                }

                var key = (_byLineItem ? fact.LineItem : null, _byProject ? fact.ProjectId : null, _byApiKey ? fact.ApiKeyId : null);
                if (!groups.TryGetValue(key, out var record))
                {
                    record = NewRecord(range, key);
                    record.Quantity = 0m;
                    record.QuantityUnit = fact.QuantityUnit;
                    groups[key] = record;
                    quantityKnown[key] = true;
                }

                record.AmountUsd += fact.AmountUsd;
                if (quantityKnown[key] && fact.Quantity.HasValue && fact.QuantityUnit == record.QuantityUnit)
                {
                    record.Quantity += fact.Quantity.Value;
                }
                else
                {
                    quantityKnown[key] = false;
                }
            }

            foreach (var pair in quantityKnown)
            {
                if (!pair.Value)
                {
                    groups[pair.Key].Quantity = null;
                    groups[pair.Key].QuantityUnit = null;
                }
            }

            if (!IsGrouped)
            {
                var only = groups.Count == 0 ? NewRecord(range, (null, null, null)) : groups.Values.Single();
                return new List<CostRecord> { only };
            }

            return groups.Values
                .Where(record => record.AmountUsd != 0m)
                .OrderBy(record => record.LineItem, StringComparer.Ordinal)
                .ThenBy(record => record.ProjectId, StringComparer.Ordinal)
                .ThenBy(record => record.ApiKeyId, StringComparer.Ordinal)
                .ToList();
        }

        private CostRecord NewRecord(DateRange range, (string? LineItem, string? ProjectId, string? ApiKeyId) key) => new CostRecord
        {
            StartDate = range.Start,
            EndDate = range.End,
            LineItem = key.LineItem,
            ProjectId = key.ProjectId,
            ApiKeyId = key.ApiKeyId,
            Source = _source,
        };
    }
}
