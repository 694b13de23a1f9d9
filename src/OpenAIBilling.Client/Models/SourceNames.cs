namespace OpenAIBilling
{
    /// <summary>The values of the output objects' <c>Source</c> property.</summary>
    public static class SourceNames
    {
        /// <summary><c>GET /v1/balances</c> on hosts that have it.</summary>
        public const string Balances = "Balances";
        /// <summary>The organization spend limit and costs (Admin key).</summary>
        public const string SpendLimit = "SpendLimit";
        /// <summary>The legacy dashboard subscription and usage.</summary>
        public const string Subscription = "Subscription";
        /// <summary>The legacy dashboard credit grants.</summary>
        public const string CreditGrants = "CreditGrants";
        /// <summary>The organization costs API (Admin key).</summary>
        public const string Costs = "Costs";
        /// <summary>The legacy dashboard usage endpoint.</summary>
        public const string DashboardUsage = "DashboardUsage";
    }
}
