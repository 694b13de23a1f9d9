namespace OpenAIBilling
{
    /// <summary>
    /// The values of the output objects' <c>Source</c> property. A <see cref="Balance"/>'s Source is the name of
    /// the <see cref="Sources.BalanceSource"/> that answered (Balances, SpendLimit, Subscription, CreditGrants).
    /// </summary>
    internal static class SourceNames
    {
        /// <summary>The organization spend limit and costs (Admin key).</summary>
        public const string SpendLimit = "SpendLimit";
        /// <summary>The legacy dashboard subscription and usage.</summary>
        public const string Subscription = "Subscription";
        /// <summary>The organization costs API (Admin key).</summary>
        public const string Costs = "Costs";
        /// <summary>The legacy dashboard usage endpoint.</summary>
        public const string DashboardUsage = "DashboardUsage";
    }
}
