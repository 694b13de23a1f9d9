using System;

namespace OpenAIBilling.Usage
{
    /// <summary>One amount spent on one day, as a source reported it, before grouping.</summary>
    internal sealed class CostFact
    {
        public CostFact(DateTime day, decimal amountUsd, string? lineItem, string? projectId, string? apiKeyId, decimal? quantity, string? quantityUnit)
        {
            Day = day;
            AmountUsd = amountUsd;
            LineItem = lineItem;
            ProjectId = projectId;
            ApiKeyId = apiKeyId;
            Quantity = quantity;
            QuantityUnit = quantityUnit;
        }

        public DateTime Day { get; }

        public decimal AmountUsd { get; }

        public string? LineItem { get; }

        public string? ProjectId { get; }

        public string? ApiKeyId { get; }

        public decimal? Quantity { get; }

        public string? QuantityUnit { get; }
    }
}
