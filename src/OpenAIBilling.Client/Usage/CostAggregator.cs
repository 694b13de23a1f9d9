using System;
using System.Collections.Generic;
using System.Linq;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Usage
{
    /// <summary>
    /// Turns cost facts into <see cref="CostRecord"/>s for a range (docs/DESIGN.md, "Output objects and the forecast"): one per group for the whole range,
    /// or per day; ungrouped periods always get a record (0 when nothing was spent), groups only when non-zero;
    /// ordered by StartDate, LineItem, ProjectId, ApiKeyId (ordinal).
    /// </summary>
    internal sealed class CostAggregator
    {
        private const char KeySeparator = '\u001f';
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
            var byDay = new List<CostFact>[range.Days];
            foreach (var fact in facts)
            {
                int day = (int)(fact.Day - range.Start).TotalDays;
                if (day >= 0 && day < byDay.Length)
                {
                    (byDay[day] ??= new List<CostFact>()).Add(fact);
                }
            }

            var records = new List<CostRecord>();
            for (int day = 0; day < byDay.Length; day++)
            {
                var date = range.Start.AddDays(day);
                records.AddRange(Build(new DateRange(date, date), byDay[day] ?? Enumerable.Empty<CostFact>()));
            }

            return records;
        }

        private List<CostRecord> Build(DateRange range, IEnumerable<CostFact> facts)
        {
            var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
            foreach (var fact in facts)
            {
                if (!range.Contains(fact.Day))
                {
                    continue;
                }

                string? lineItem = _byLineItem ? fact.LineItem : null;
                string? projectId = _byProject ? fact.ProjectId : null;
                string? apiKeyId = _byApiKey ? fact.ApiKeyId : null;
                string key = lineItem + KeySeparator + projectId + KeySeparator + apiKeyId;
                if (!groups.TryGetValue(key, out var group))
                {
                    group = new Group(NewRecord(range, lineItem, projectId, apiKeyId), fact.QuantityUnit);
                    groups[key] = group;
                }

                group.Add(fact);
            }

            if (!IsGrouped)
            {
                var only = groups.Count == 0 ? NewRecord(range, null, null, null) : groups.Values.Single().Finish();
                return new List<CostRecord> { only };
            }

            return groups.Values
                .Select(group => group.Finish())
                .Where(record => record.AmountUsd != 0m)
                .OrderBy(record => record.LineItem, StringComparer.Ordinal)
                .ThenBy(record => record.ProjectId, StringComparer.Ordinal)
                .ThenBy(record => record.ApiKeyId, StringComparer.Ordinal)
                .ToList();
        }

        private CostRecord NewRecord(DateRange range, string? lineItem, string? projectId, string? apiKeyId) => new CostRecord
        {
            StartDate = range.Start,
            EndDate = range.End,
            LineItem = lineItem,
            ProjectId = projectId,
            ApiKeyId = apiKeyId,
            Source = _source,
        };

        /// <summary>One group's running sums; its quantity holds only while every fact gives one in the same unit.</summary>
        private sealed class Group
        {
            private readonly CostRecord _record;
            private readonly string? _unit;
            private decimal _quantity;
            private bool _quantityKnown = true;

            public Group(CostRecord record, string? unit)
            {
                _record = record;
                _unit = unit;
            }

            public void Add(CostFact fact)
            {
                _record.AmountUsd += fact.AmountUsd;
                if (_quantityKnown && fact.Quantity.HasValue && fact.QuantityUnit == _unit)
                {
                    _quantity += fact.Quantity.Value;
                }
                else
                {
                    _quantityKnown = false;
                }
            }

            public CostRecord Finish()
            {
                _record.Quantity = _quantityKnown ? _quantity : (decimal?)null;
                _record.QuantityUnit = _quantityKnown ? _unit : null;
                return _record;
            }
        }
    }
}
