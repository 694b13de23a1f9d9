namespace OpenAIBilling.Errors
{
    /// <summary>
    /// Which fact would help the user with a failure. The client names the fact; the cmdlet layer words it for the
    /// cmdlet that failed, naming only that cmdlet's parameters (docs/DESIGN.md, "Error ids").
    /// </summary>
    internal enum AdviceKind
    {
        /// <summary>The advice is a sentence that names nothing of PowerShell: <see cref="Advice.Text"/>.</summary>
        Stated,

        /// <summary>The host (<see cref="Advice.Host"/>) does not serve the path (<see cref="Advice.Path"/>): the base URI may be wrong, or another balance source may answer.</summary>
        EndpointNotServed,

        /// <summary>The host has no /v1/balances: another balance source may answer.</summary>
        BalancesEndpointAbsent,

        /// <summary>No balance source answers at a relay: its operator knows which endpoint it offers, or the base URI is wrong.</summary>
        RelayBalanceUnknown,

        /// <summary>The answer is not the JSON asked for (a web page, a proxy's login): the base URI may be wrong; the verbose stream shows the request.</summary>
        AnswerNotJson,

        /// <summary>The answer's headers are larger than the client accepts: the base URI may point at a proxy or web page.</summary>
        HeadersTooLarge,

        /// <summary>The answer is not HTTP: the base URI's scheme or port may be wrong.</summary>
        AnswerNotHttp,

        /// <summary>The answer is larger than the client holds: the base URI (host <see cref="Advice.Host"/>) may be wrong.</summary>
        AnswerTooLarge,

        /// <summary>The answer does not decompress: the base URI (host <see cref="Advice.Host"/>) may be wrong, or a proxy mangles answers.</summary>
        AnswerNotDecompressible,

        /// <summary>The server redirected too often: the base URI should be the API's own address.</summary>
        TooManyRedirects,

        /// <summary>The server redirected from https to http: the base URI should be the API's https address.</summary>
        RedirectToPlainHttp,

        /// <summary>A redirect's Location is not a URI: the base URI should be the API's own address.</summary>
        RedirectNotAUri,

        /// <summary>A redirect leaves http(s): the base URI should be the API's own https address.</summary>
        RedirectLeavesHttp,

        /// <summary>The base URI given is not an absolute http(s) URI without credentials or a query string.</summary>
        BaseUriMalformed,

        /// <summary>The base URI from the environment is not an absolute URI.</summary>
        BaseUrlVariableMalformed,

        /// <summary>The key would go over plain http to a host that is not loopback.</summary>
        PlainHttp,

        /// <summary>The key would go over plain http through a proxy.</summary>
        PlainHttpThroughProxy,

        /// <summary>The host could not be reached: the address, the network or a proxy.</summary>
        Unreachable,

        /// <summary>The host did not answer in time: later, or a longer timeout.</summary>
        TooSlow,

        /// <summary>The host limits the request rate: later, fewer requests in flight, or more retries.</summary>
        RateLimited,

        /// <summary>The organization APIs need an Admin key.</summary>
        AdminKeyNeeded,

        /// <summary>OpenAI tells a balance only to an Admin key or a session key.</summary>
        AdminOrSessionKeyNeeded,

        /// <summary>No key was given and the environment holds none.</summary>
        NoKey,

        /// <summary>The key given is empty.</summary>
        EmptyKey,

        /// <summary>A piped object carries no key.</summary>
        PipedObjectWithoutKey,

        /// <summary>The dashboard usage endpoint groups only by line item; other groupings and filters need an Admin key.</summary>
        LineItemsOnly,

        /// <summary>Per-project spend limits need an Admin key.</summary>
        ProjectSpendLimitNeedsAdminKey,

        /// <summary>The usage endpoint does not take the grouping or filter asked for.</summary>
        GroupingNotTaken,

        /// <summary>One window's answer has too many results: a shorter range, fewer groupings or wider buckets.</summary>
        TooManyResults,

        /// <summary>The start date is after today (UTC).</summary>
        StartAfterToday,

        /// <summary>The end date is before the start date (both inclusive UTC days).</summary>
        EndDateBeforeStartDate,

        /// <summary>The end time is not after the start time (the end is exclusive).</summary>
        EndTimeNotAfterStartTime,
    }
}
