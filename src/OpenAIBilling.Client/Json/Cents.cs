namespace OpenAIBilling.Json
{
    /// <summary>
    /// The wire's amounts in cents (the legacy usage body, spend limits and spend alerts) as USD. Dividing a decimal
    /// by 100 only moves its point, so the result is exact (for cents of up to 26 decimals). The parsers that read
    /// cents call this and hand on USD (docs/DESIGN.md, "Output objects and the forecast").
    /// </summary>
    internal static class Cents
    {
        private const decimal PerDollar = 100m;

        public static decimal ToUsd(decimal cents) => cents / PerDollar;
    }
}
