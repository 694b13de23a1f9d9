namespace OpenAIBilling.Responses
{
    /// <summary>
    /// What a 404 (and a 405) means, endpoint by endpoint (docs/DESIGN.md, "Error ids"). Each
    /// <see cref="Endpoint"/> names the meaning it has; <see cref="ResponseClassifier"/> applies it.
    /// </summary>
    internal enum NotFoundMeaning
    {
        /// <summary>Most endpoints: a 404 or 405 means the host does not serve the path (<c>EndpointNotFound</c>; Auto moves on).</summary>
        EndpointNotFound,

        /// <summary>
        /// The organization's spend limit: a 404 that is not OpenAI's "Invalid URL" means no limit is set; an "Invalid
        /// URL" 404 (or one without an error envelope) and a 405 are <see cref="EndpointNotFound"/>.
        /// </summary>
        NoLimitSet,

        /// <summary><c>/v1/balances</c>: a 404 or 405 means the host does not have it ("absent", remembered per host; Auto moves on).</summary>
        Absent,

        /// <summary>
        /// A legacy path under <c>/v1/dashboard/billing/…</c>: a 404 means ask <c>/dashboard/billing/…</c> once; a 405 is
        /// <see cref="EndpointNotFound"/>. The 404 is itself <c>EndpointNotFound</c> should the short path not exist either.
        /// </summary>
        TryShortPath,

        /// <summary>
        /// The short legacy path asked after that 404: its own 404 means neither path exists, and the first 404 is the
        /// one reported; a 405 is <see cref="EndpointNotFound"/>.
        /// </summary>
        NeitherPath,
    }
}
