using System.Text.Json;
using OpenAIBilling.Json;

namespace OpenAIBilling.Admin
{
    /// <summary>One <c>organization.costs.result</c> (2024, 2025 and 2026 shapes; amount as number or string).</summary>
    internal sealed class CostResult
    {
        public decimal AmountUsd { get; private set; }

        public string? LineItem { get; private set; }

        public string? ProjectId { get; private set; }

        public string? ApiKeyId { get; private set; }

        public decimal? Quantity { get; private set; }

        public string? QuantityUnit { get; private set; }

        public static CostResult Parse(JsonElement result)
        {
            // "amount" is {value, currency}; a bare number is taken too.
            var amount = JsonRead.Property(result, "amount");
            decimal? value = amount?.ValueKind == JsonValueKind.Object ? JsonRead.Decimal(amount.Value, "value") : JsonRead.Decimal(result, "amount");
            if (amount?.ValueKind == JsonValueKind.Object)
            {
                JsonRead.RequireUsd(amount.Value, "currency");
            }

            JsonRead.RequireUsd(result, "currency");
            if (value == null)
            {
                throw new BodyShapeException("a cost result has no amount value");
            }

            return new CostResult
            {
                AmountUsd = value.Value,
                LineItem = JsonRead.String(result, "line_item"),
                ProjectId = JsonRead.String(result, "project_id"),
                ApiKeyId = JsonRead.String(result, "api_key_id"),
                Quantity = JsonRead.Decimal(result, "quantity"),
                QuantityUnit = JsonRead.String(result, "quantity_unit"),
            };
        }
    }
}
