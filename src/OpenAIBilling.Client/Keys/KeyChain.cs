using System;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;

namespace OpenAIBilling.Keys
{
    /// <summary>
    /// Where a key comes from, in order: <c>-ApiKey</c>; when it is not bound, <c>$env:OPENAI_ADMIN_KEY</c> (only for
    /// api.openai.com: an admin key never goes to a relay by default), then <c>$env:OPENAI_API_KEY</c>.
    /// </summary>
    internal static class KeyChain
    {
        public const string AdminKeyVariable = "OPENAI_ADMIN_KEY";
        public const string ApiKeyVariable = "OPENAI_API_KEY";
        public const string BaseUrlVariable = "OPENAI_BASE_URL";
        public const string OrganizationVariable = "OPENAI_ORG_ID";
        public const string ProjectVariable = "OPENAI_PROJECT_ID";

        /// <param name="boundKey">The plain text of <c>-ApiKey</c>, or null when it was not bound.</param>
        /// <param name="host">The host the key is for: <c>$env:OPENAI_ADMIN_KEY</c> is read only for api.openai.com.</param>
        public static ApiKey Resolve(string? boundKey, BillingHost host)
        {
            if (boundKey != null)
            {
                return ApiKey.Parse(boundKey);
            }

            if (host.IsOpenAI && TryEnvironment(AdminKeyVariable, out var admin))
            {
                return ApiKey.Parse(admin);
            }

            if (TryEnvironment(ApiKeyVariable, out var key))
            {
                return ApiKey.Parse(key);
            }

            throw new BillingException(BillingErrorId.NoApiKey,
                $"No API key: -ApiKey was not given, {(host.IsOpenAI ? "$env:" + AdminKeyVariable + " and " : string.Empty)}$env:{ApiKeyVariable} {(host.IsOpenAI ? "are" : "is")} not set{(host.IsOpenAI ? string.Empty : " ($env:" + AdminKeyVariable + " is read only for api.openai.com)")}.",
                Advice.Of(AdviceKind.NoKey));
        }

        /// <summary>
        /// A piped object that bound no key (a copy of an output object, a CSV row without a key column): it is never
        /// answered with a key from the environment, which could belong to another account.
        /// </summary>
        public static BillingException PipedObjectWithoutKey(string? name, BillingHost? host) =>
            new BillingException(BillingErrorId.NoApiKey,
                $"The piped object{Describe(name, host)} carries no API key, so it was not answered (the environment's key is not used for piped objects).",
                Advice.Of(AdviceKind.PipedObjectWithoutKey));

        /// <summary>The base URI: the bound one, else <c>$env:OPENAI_BASE_URL</c>, else https://api.openai.com.</summary>
        public static BillingHost ResolveHost(Uri? boundBaseUri)
        {
            if (boundBaseUri != null)
            {
                return BillingHost.Parse(boundBaseUri);
            }

            if (TryEnvironment(BaseUrlVariable, out var fromEnvironment))
            {
                if (!Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out var uri))
                {
                    throw new BillingException(BillingErrorId.InvalidArgument,
                        $"$env:{BaseUrlVariable} is not an absolute URI.",
                        Advice.Of(AdviceKind.BaseUrlVariableMalformed));
                }

                return BillingHost.Parse(uri);
            }

            return BillingHost.Parse(BillingHost.DefaultBaseUri);
        }

        /// <summary>An environment variable's value, when it is set and not blank.</summary>
        public static string? Environment(string name)
        {
            string? value = System.Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        private static string Describe(string? name, BillingHost? host)
        {
            string label = string.IsNullOrEmpty(name) ? string.Empty : " '" + name + "'";
            return host == null ? label : label + " for " + host.Display;
        }

        private static bool TryEnvironment(string name, out string value)
        {
            value = Environment(name) ?? string.Empty;
            return value.Length > 0;
        }
    }
}
