using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using OpenAIBilling.Admin;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// Completes <c>-ProjectId</c> from the organization's projects when an Admin key is in the environment
    /// (<c>$env:OPENAI_ADMIN_KEY</c>, or an Admin key in <c>$env:OPENAI_API_KEY</c>). Offers nothing otherwise, and
    /// never fails: Tab must not throw.
    /// </summary>
    public sealed class ProjectIdCompleter : IArgumentCompleter
    {
        private const int TimeoutSec = 5;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            try
            {
                var host = KeyChain.ResolveHost(fakeBoundParameters["BaseUri"] is { } bound ? new Uri(bound.ToString()!, UriKind.Absolute) : null);
                var key = KeyChain.Resolve(null, host);
                if (key.Kind != KeyKind.Admin)
                {
                    return results;
                }

                var settings = new RequestSettings { TimeoutSec = TimeoutSec, MaximumRetryCount = 0 };
                var projects = OrganizationProjects.ListAsync(new BillingCall(key, host, settings)).GetAwaiter().GetResult();
                string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
                foreach (var project in projects)
                {
                    if (project.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        results.Add(new CompletionResult(project.Key, project.Key, CompletionResultType.ParameterValue,
                            string.IsNullOrEmpty(project.Value) ? project.Key : project.Value + " (" + project.Key + ")"));
                    }
                }
            }
            catch (Exception ex) when (ex is BillingException || ex is UriFormatException || ex is InvalidOperationException)
            {
                // No key, no network, not an admin key: nothing to offer.
            }

            return results;
        }
    }
}
