namespace OpenAIBilling.Sources
{
    /// <summary>The values of <c>Get-OpenAIBalance -Source</c>.</summary>
    public enum BalanceSource
    {
        /// <summary>Try the sources that fit the key and host, in order (docs/DESIGN.md, "Sources and the Auto rules").</summary>
        Auto,
        Balances,
        SpendLimit,
        Subscription,
        CreditGrants,
    }
}
