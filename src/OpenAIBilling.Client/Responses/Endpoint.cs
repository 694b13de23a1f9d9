namespace OpenAIBilling.Responses
{
    /// <summary>
    /// What <see cref="ResponseClassifier"/> needs to know of the endpoint an answer came from: its family (the same
    /// status means different things in each) and what a 404 means there.
    /// </summary>
    internal sealed class Endpoint
    {
        /// <summary>Any organization (Admin) endpoint: costs, usage, projects, spend alerts, a project's spend limit.</summary>
        public static readonly Endpoint Admin = new Endpoint(EndpointFamily.Admin, NotFoundMeaning.EndpointNotFound);

        /// <summary><c>/v1/organization/spend_limit</c>, where a 404 can mean that no limit is set.</summary>
        public static readonly Endpoint OrganizationSpendLimit = new Endpoint(EndpointFamily.Admin, NotFoundMeaning.NoLimitSet);

        /// <summary><c>/v1/balances</c>.</summary>
        public static readonly Endpoint Balances = new Endpoint(EndpointFamily.Balances, NotFoundMeaning.Absent);

        /// <summary>A legacy endpoint under <c>/v1/dashboard/billing/…</c>, asked first.</summary>
        public static readonly Endpoint LegacyLongPath = new Endpoint(EndpointFamily.Legacy, NotFoundMeaning.TryShortPath);

        /// <summary>A legacy endpoint under <c>/dashboard/billing/…</c> on a host known to lack the long path.</summary>
        public static readonly Endpoint LegacyShortPath = new Endpoint(EndpointFamily.Legacy, NotFoundMeaning.EndpointNotFound);

        /// <summary>A legacy endpoint under <c>/dashboard/billing/…</c>, asked once after the long path's 404.</summary>
        public static readonly Endpoint LegacyShortPathAfterNotFound = new Endpoint(EndpointFamily.Legacy, NotFoundMeaning.NeitherPath);

        private Endpoint(EndpointFamily family, NotFoundMeaning notFound)
        {
            Family = family;
            NotFound = notFound;
        }

        public EndpointFamily Family { get; }

        /// <summary>What a 404 means at this endpoint.</summary>
        public NotFoundMeaning NotFound { get; }
    }
}
