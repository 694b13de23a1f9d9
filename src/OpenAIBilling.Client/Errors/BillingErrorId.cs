namespace OpenAIBilling.Errors
{
    /// <summary>
    /// The stable error ids (docs/DESIGN.md, "Error ids"). <c>FullyQualifiedErrorId</c> starts with <c>OpenAIBilling.</c> and the name.
    /// </summary>
    public enum BillingErrorId
    {
        NoApiKey,
        InvalidApiKeyFormat,
        InvalidArgument,
        InvalidApiKey,
        KeyExhausted,
        SessionKeyRequired,
        AdminKeyRequired,
        BalanceNotAvailable,
        EndpointNotFound,
        RateLimited,
        ServerError,
        ConnectionFailed,
        ApiError,
        InvalidResponse,
        Timeout,
        InvalidDateRange,
        UnencryptedAuthentication,
        UnsupportedPowerShell,
    }
}
