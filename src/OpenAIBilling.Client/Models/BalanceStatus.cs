namespace OpenAIBilling
{
    /// <summary>The values of <see cref="Balance.Status"/>.</summary>
    internal static class BalanceStatus
    {
        /// <summary>The key can spend.</summary>
        public const string Active = "Active";
        /// <summary>A relay token whose quota is used up: the relay refuses it.</summary>
        public const string Exhausted = "Exhausted";
        /// <summary>The access or the credit has expired.</summary>
        public const string Expired = "Expired";
    }
}
