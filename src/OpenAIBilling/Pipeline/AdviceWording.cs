using System.Collections.Generic;
using System.Management.Automation;
using OpenAIBilling.Errors;
using OpenAIBilling.Keys;
using OpenAIBilling.Responses;

namespace OpenAIBilling.Commands.Pipeline
{
    /// <summary>
    /// Words the client's <see cref="Advice"/> for the cmdlet that failed, naming only parameters that cmdlet has
    /// (docs/DESIGN.md, "Error ids"): <c>-Source</c> only where there is one, <c>-GroupBy</c> only where it groups.
    /// </summary>
    internal static class AdviceWording
    {
        private const string BaseUriPointsAtApi = "Check -BaseUri points at an OpenAI-compatible API";
        private const string OrAdminKey = "use an Admin key (sk-admin-…).";

        /// <summary>The recommended action for <paramref name="advice"/> when <paramref name="command"/> failed.</summary>
        public static string For(Advice advice, CommandInfo command)
        {
            switch (advice.Kind)
            {
                case AdviceKind.Stated:
                    return advice.Text!;
                case AdviceKind.EndpointNotServed:
                    return $"{advice.Host} does not serve {advice.Path}. Check -BaseUri" + (Has(command, "Source") ? ", or pick another -Source." : ".");
                case AdviceKind.BalancesEndpointAbsent:
                    return Has(command, "Source") ? "Use -Source Auto so another source answers, or pick -Source Subscription." : "Check -BaseUri.";
                case AdviceKind.RelayBalanceUnknown:
                    return "Ask the relay's operator which balance endpoint it offers, or check -BaseUri.";
                case AdviceKind.AnswerNotJson:
                    return BaseUriPointsAtApi + " and not at a web page or proxy login; run with -Verbose to see the request.";
                case AdviceKind.HeadersTooLarge:
                    return BaseUriPointsAtApi + " and not at a proxy or web page.";
                case AdviceKind.AnswerNotHttp:
                    return BaseUriPointsAtApi + " (http vs https, the right port).";
                case AdviceKind.AnswerTooLarge:
                    return $"Check -BaseUri ({advice.Host}) points at an OpenAI-compatible API.";
                case AdviceKind.AnswerNotDecompressible:
                    return $"Check -BaseUri ({advice.Host}) points at an OpenAI-compatible API; a proxy may be mangling the answers.";
                case AdviceKind.TooManyRedirects:
                    return "Check -BaseUri: it should be the API's own address, not one that redirects.";
                case AdviceKind.RedirectToPlainHttp:
                    return "Use the API's https address as -BaseUri.";
                case AdviceKind.RedirectNotAUri:
                    return "Check -BaseUri: it should be the API's own address.";
                case AdviceKind.RedirectLeavesHttp:
                    return "Check -BaseUri: it should be the API's own https address.";
                case AdviceKind.BaseUriMalformed:
                    return "Give -BaseUri as an absolute http(s) URI such as https://api.openai.com or https://relay.example.com/v1, without credentials or a query string.";
                case AdviceKind.BaseUrlVariableMalformed:
                    return $"Set $env:{KeyChain.BaseUrlVariable} to an address such as https://api.openai.com/v1, or pass -BaseUri.";
                case AdviceKind.PlainHttp:
                    return "Use an https base URI, or add -AllowUnencryptedAuthentication if you accept sending the key in clear text.";
                case AdviceKind.PlainHttpThroughProxy:
                    return "Use an https base URI, exempt loopback in NO_PROXY, or add -AllowUnencryptedAuthentication if you accept the proxy seeing the key.";
                case AdviceKind.Unreachable:
                    return "Check the address, your network and any proxy (-Proxy, HTTPS_PROXY); then try again.";
                case AdviceKind.TooSlow:
                    return "Try again later, or raise -TimeoutSec if the server is known to be slow.";
                case AdviceKind.RateLimited:
                    return "Wait a minute and try again, or lower -ThrottleLimit; raising -MaximumRetryCount retries longer.";
                case AdviceKind.AdminKeyNeeded:
                    return "The organization costs, usage and spend-limit APIs take only an Admin key (sk-admin-…), not a project, service-account or user key. An organization Owner creates one at " + ResponseErrors.AdminKeysPage + "; pass it with -ApiKey or $env:" + KeyChain.AdminKeyVariable + ".";
                case AdviceKind.AdminOrSessionKeyNeeded:
                    return "Use an Admin key: an organization Owner creates one at " + ResponseErrors.AdminKeysPage + "; pass it with -ApiKey or $env:" + KeyChain.AdminKeyVariable + ". A session key (sess-…) from the platform website also works while it lasts.";
                case AdviceKind.NoKey:
                    return $"Pass -ApiKey (for example -ApiKey (Get-Secret OpenAI)), or set $env:{KeyChain.ApiKeyVariable}; for an Admin key set $env:{KeyChain.AdminKeyVariable}.";
                case AdviceKind.EmptyKey:
                    return $"Pass the key itself, for example -ApiKey (Get-Secret OpenAI), or leave -ApiKey out to use $env:{KeyChain.ApiKeyVariable}.";
                case AdviceKind.PipedObjectWithoutKey:
                    return "Pipe the objects the module wrote (a copy made by Select-Object, Import-Csv or Import-Clixml loses the key), give the input an ApiKey column, or pass -ApiKey.";
                case AdviceKind.LineItemsOnly:
                    return Has(command, "GroupBy") ? "Use -GroupBy LineItem (or none) with this key, or " + OrAdminKey : "Use an Admin key (sk-admin-…).";
                case AdviceKind.ProjectSpendLimitNeedsAdminKey:
                    return Has(command, "ProjectId") ? "Leave out -ProjectId, or " + OrAdminKey : "Use an Admin key (sk-admin-…).";
                case AdviceKind.GroupingNotTaken:
                    return "Leave out the grouping or filter that the endpoint does not take"
                        + (Has(command, "Endpoint") && Has(command, "GroupBy") ? $"; Get-Help {command.Name} -Parameter GroupBy lists what each endpoint accepts." : ".");
                case AdviceKind.TooManyResults:
                    return TooManyResults(command);
                case AdviceKind.StartAfterToday:
                    return Has(command, "StartDate") ? "Give a -StartDate on or before today (UTC)." : "Give a start date on or before today (UTC).";
                case AdviceKind.EndDateBeforeStartDate:
                    return Has(command, "EndDate") && Has(command, "StartDate")
                        ? "Give -EndDate on or after -StartDate; both dates are inclusive UTC days."
                        : "Give an end date on or after the start date; both dates are inclusive UTC days.";
                case AdviceKind.EndTimeNotAfterStartTime:
                    return Has(command, "EndTime") && Has(command, "StartTime")
                        ? "Give -EndTime after -StartTime (the end is exclusive)."
                        : "Give an end after the start (the end is exclusive).";
                default:
                    throw new System.ArgumentOutOfRangeException(nameof(advice), advice.Kind, "No wording for this advice.");
            }
        }

        /// <summary>What makes one window's answer smaller, among what <paramref name="command"/> can ask for.</summary>
        private static string TooManyResults(CommandInfo command)
        {
            var smaller = new List<string>();
            if (Has(command, "StartDate") || Has(command, "StartTime"))
            {
                smaller.Add("a shorter range");
            }

            if (Has(command, "GroupBy"))
            {
                smaller.Add("fewer -GroupBy properties");
            }

            if (Has(command, "BucketWidth"))
            {
                smaller.Add("a wider -BucketWidth");
            }

            if (smaller.Count == 0)
            {
                return BaseUriPointsAtApi + ".";
            }

            string last = smaller[smaller.Count - 1];
            smaller.RemoveAt(smaller.Count - 1);
            return "Ask for " + (smaller.Count == 0 ? last : string.Join(", ", smaller) + " or " + last) + ".";
        }

        private static bool Has(CommandInfo command, string parameter) => command.Parameters.ContainsKey(parameter);
    }
}
