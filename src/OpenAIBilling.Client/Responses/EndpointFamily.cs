namespace OpenAIBilling.Responses
{
    /// <summary>Which API an answer came from; the same status means different things in each.</summary>
    internal enum EndpointFamily
    {
        /// <summary>The legacy dashboard endpoints (<c>/dashboard/billing/…</c>).</summary>
        Legacy,
        /// <summary>The organization (Admin) endpoints (<c>/v1/organization/…</c>).</summary>
        Admin,
        /// <summary><c>/v1/balances</c>.</summary>
        Balances,
    }
}
