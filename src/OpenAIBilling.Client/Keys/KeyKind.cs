namespace OpenAIBilling.Keys
{
    /// <summary>What a key is, read from its prefix. Decides which sources can answer for it.</summary>
    internal enum KeyKind
    {
        /// <summary>No known prefix.</summary>
        Unknown,
        /// <summary><c>sk-admin-</c>: an OpenAI Admin key; the only key the organization APIs take.</summary>
        Admin,
        /// <summary><c>sess-</c>: a browser session key; the legacy dashboard endpoints take it.</summary>
        Session,
        /// <summary><c>sk-proj-</c>: a project key.</summary>
        Project,
        /// <summary><c>sk-svcacct-</c>: a service-account key.</summary>
        ServiceAccount,
        /// <summary><c>sk-</c>: a user key, or a relay's token.</summary>
        Secret,
    }
}
