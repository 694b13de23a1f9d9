namespace OpenAIBilling.Responses
{
    /// <summary>
    /// Which rule of <see cref="ResponseClassifier"/> made an answer a failure: it gives the error id
    /// (docs/DESIGN.md, "Error ids") and picks the recommended action in <see cref="ResponseErrors"/>.
    /// </summary>
    internal enum FailureReason
    {
        /// <summary><c>ApiError</c>: an error envelope inside a successful answer (relays do this).</summary>
        ErrorInsideSuccess,

        /// <summary><c>KeyExhausted</c>: the server's message says the token's quota is used up (a relay's 401/403 or 200).</summary>
        TokenExhausted,

        /// <summary><c>KeyExhausted</c>: OpenAI's <c>insufficient_quota</c>, whatever the status.</summary>
        InsufficientQuota,

        /// <summary><c>InvalidApiKey</c>: <c>invalid_api_key</c>, or any 401 from a relay.</summary>
        InvalidKey,

        /// <summary><c>InvalidApiKey</c>: any other 401.</summary>
        Unauthorized,

        /// <summary><c>SessionKeyRequired</c>: "must be made with a session key", or OpenAI's 403 on a legacy endpoint.</summary>
        SessionKeyRequired,

        /// <summary><c>AdminKeyRequired</c>: any other 401/403 from an organization endpoint.</summary>
        AdminKeyRequired,

        /// <summary><c>ApiError</c>: any other 403.</summary>
        Forbidden,

        /// <summary><c>EndpointNotFound</c>: a 404 or 405 (see <see cref="NotFoundMeaning"/>).</summary>
        EndpointNotFound,

        /// <summary><c>RateLimited</c>: a 429 (after its retries).</summary>
        RateLimited,

        /// <summary><c>ServerError</c>: a 5xx (after its retries).</summary>
        ServerError,

        /// <summary><c>ApiError</c>: any other status that is not a success.</summary>
        OtherStatus,
    }
}
