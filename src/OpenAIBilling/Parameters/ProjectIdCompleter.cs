using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using OpenAIBilling.Admin;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Commands.Parameters
{
    /// <summary>
    /// Completes <c>-ProjectId</c> from the organization's projects when an Admin key is in the environment
    /// (<c>$env:OPENAI_ADMIN_KEY</c>, or an Admin key in <c>$env:OPENAI_API_KEY</c>) and the base URI is
    /// api.openai.com (or a loopback stand-in for it): the environment's key never goes to a host typed on the line.
    /// All pages together get one short deadline, so a slow host cannot hang Tab. Offers nothing otherwise, and never
    /// fails: Tab must not throw.
    /// </summary>
    internal sealed class ProjectIdCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            try
            {
                var host = KeyChain.ResolveHost(fakeBoundParameters["BaseUri"] is { } bound ? new Uri(bound.ToString()!, UriKind.Absolute) : null);
                if (!host.IsOpenAI)
                {
                    return results;
                }

                var key = KeyChain.Resolve(null, host);
                if (key.Kind != KeyKind.Admin)
                {
                    return results;
                }

                using var deadline = new CancellationTokenSource(Deadline);
                var settings = new RequestSettings { TimeoutSec = (int)Deadline.TotalSeconds, MaximumRetryCount = 0, CancellationToken = deadline.Token };
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
            catch (Exception ex) when (ex is BillingException || ex is UriFormatException || ex is InvalidOperationException || ex is OperationCanceledException)
            {
                // No key, no network, not an admin key, past the deadline: nothing to offer.
            }

            return results;
        }
    }
}
