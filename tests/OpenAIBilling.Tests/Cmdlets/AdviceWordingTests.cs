using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Errors;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>The client's advice worded for each cmdlet names only parameters that cmdlet has, by its real metadata.</summary>
    public class AdviceWordingTests
    {
        private static readonly Lazy<IReadOnlyList<CommandInfo>> s_commands = new Lazy<IReadOnlyList<CommandInfo>>(() =>
        {
            using var shell = PowerShellHost.Create();
            return shell.AddCommand("Get-Command").AddParameter("Module", "OpenAIBilling").Invoke<CommandInfo>().ToList();
        });

        private static readonly Regex s_helpFor = new Regex(@"Get-Help (?<command>\S+) -Parameter (?<parameter>\w+)", RegexOptions.CultureInvariant);
        private static readonly Regex s_parameter = new Regex(@"(?<![\w-])-(?<name>[A-Za-z]+)\b", RegexOptions.CultureInvariant);

        public static IEnumerable<object[]> Kinds() =>
            Enum.GetValues(typeof(AdviceKind)).Cast<AdviceKind>().Where(k => k != AdviceKind.Stated).Select(k => new object[] { k.ToString() });

        private static CommandInfo Command(string name) => s_commands.Value.Single(c => c.Name == name);

        private static string Worded(AdviceKind kind, string command) =>
            AdviceWording.For(Advice.Of(kind, "relay.example.com", "/v1/balances"), Command(command));

        /// <summary>The <c>-Name</c> tokens (and <c>Get-Help</c> targets) in <paramref name="text"/> that <paramref name="command"/> does not take.</summary>
        internal static List<string> ForeignParameters(string text, CommandInfo command)
        {
            var foreign = new List<string>();
            foreach (Match help in s_helpFor.Matches(text))
            {
                if (help.Groups["command"].Value != command.Name || !command.Parameters.ContainsKey(help.Groups["parameter"].Value))
                {
                    foreign.Add(help.Value);
                }
            }

            foreach (Match token in s_parameter.Matches(s_helpFor.Replace(text, string.Empty)))
            {
                if (!command.Parameters.ContainsKey(token.Groups["name"].Value))
                {
                    foreign.Add(token.Value);
                }
            }

            return foreign;
        }

        [Fact]
        public void The_module_has_its_six_cmdlets_to_word_advice_for()
        {
            Assert.Equal(6, s_commands.Value.Count);
            Assert.Contains(s_commands.Value, c => c.Parameters.ContainsKey("Source"));
            Assert.Contains(s_commands.Value, c => !c.Parameters.ContainsKey("Source"));
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void Each_advice_names_only_parameters_the_failing_cmdlet_has(string kindName)
        {
            var kind = (AdviceKind)Enum.Parse(typeof(AdviceKind), kindName);
            foreach (var command in s_commands.Value)
            {
                string text = AdviceWording.For(Advice.Of(kind, "relay.example.com", "/v1/balances"), command);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{kind} has no wording for {command.Name}");
                Assert.True(ForeignParameters(text, command).Count == 0,
                    $"{kind} for {command.Name} names {string.Join(", ", ForeignParameters(text, command))}: {text}");
            }
        }

        /// <summary>Each fact, for a cmdlet that raises it, worded as the client wrote it before the wording moved here.</summary>
        [Theory]
        [InlineData(nameof(AdviceKind.EndpointNotServed), "Get-OpenAIBalance", "relay.example.com does not serve /v1/balances. Check -BaseUri, or pick another -Source.")]
        [InlineData(nameof(AdviceKind.BalancesEndpointAbsent), "Get-OpenAIBalance", "Use -Source Auto so another source answers, or pick -Source Subscription.")]
        [InlineData(nameof(AdviceKind.RelayBalanceUnknown), "Get-OpenAIBalance", "Ask the relay's operator which balance endpoint it offers, or check -BaseUri.")]
        [InlineData(nameof(AdviceKind.AnswerNotJson), "Get-OpenAIBalance", "Check -BaseUri points at an OpenAI-compatible API and not at a web page or proxy login; run with -Verbose to see the request.")]
        [InlineData(nameof(AdviceKind.HeadersTooLarge), "Get-OpenAIUsage", "Check -BaseUri points at an OpenAI-compatible API and not at a proxy or web page.")]
        [InlineData(nameof(AdviceKind.AnswerNotHttp), "Get-OpenAIUsage", "Check -BaseUri points at an OpenAI-compatible API (http vs https, the right port).")]
        [InlineData(nameof(AdviceKind.AnswerTooLarge), "Get-OpenAISubscription", "Check -BaseUri (relay.example.com) points at an OpenAI-compatible API.")]
        [InlineData(nameof(AdviceKind.AnswerNotDecompressible), "Get-OpenAISubscription", "Check -BaseUri (relay.example.com) points at an OpenAI-compatible API; a proxy may be mangling the answers.")]
        [InlineData(nameof(AdviceKind.TooManyRedirects), "Get-OpenAICreditGrant", "Check -BaseUri: it should be the API's own address, not one that redirects.")]
        [InlineData(nameof(AdviceKind.RedirectToPlainHttp), "Get-OpenAICreditGrant", "Use the API's https address as -BaseUri.")]
        [InlineData(nameof(AdviceKind.RedirectNotAUri), "Get-OpenAISpendAlert", "Check -BaseUri: it should be the API's own address.")]
        [InlineData(nameof(AdviceKind.RedirectLeavesHttp), "Get-OpenAISpendAlert", "Check -BaseUri: it should be the API's own https address.")]
        [InlineData(nameof(AdviceKind.BaseUriMalformed), "Get-OpenAITokenUsage", "Give -BaseUri as an absolute http(s) URI such as https://api.openai.com or https://relay.example.com/v1, without credentials or a query string.")]
        [InlineData(nameof(AdviceKind.BaseUrlVariableMalformed), "Get-OpenAITokenUsage", "Set $env:OPENAI_BASE_URL to an address such as https://api.openai.com/v1, or pass -BaseUri.")]
        [InlineData(nameof(AdviceKind.PlainHttp), "Get-OpenAIBalance", "Use an https base URI, or add -AllowUnencryptedAuthentication if you accept sending the key in clear text.")]
        [InlineData(nameof(AdviceKind.PlainHttpThroughProxy), "Get-OpenAIBalance", "Use an https base URI, exempt loopback in NO_PROXY, or add -AllowUnencryptedAuthentication if you accept the proxy seeing the key.")]
        [InlineData(nameof(AdviceKind.Unreachable), "Get-OpenAIUsage", "Check the address, your network and any proxy (-Proxy, HTTPS_PROXY); then try again.")]
        [InlineData(nameof(AdviceKind.TooSlow), "Get-OpenAIUsage", "Try again later, or raise -TimeoutSec if the server is known to be slow.")]
        [InlineData(nameof(AdviceKind.RateLimited), "Get-OpenAISubscription", "Wait a minute and try again, or lower -ThrottleLimit; raising -MaximumRetryCount retries longer.")]
        [InlineData(nameof(AdviceKind.AdminKeyNeeded), "Get-OpenAIUsage", "The organization costs, usage and spend-limit APIs take only an Admin key (sk-admin-…), not a project, service-account or user key. An organization Owner creates one at https://platform.openai.com/settings/organization/admin-keys; pass it with -ApiKey or $env:OPENAI_ADMIN_KEY.")]
        [InlineData(nameof(AdviceKind.AdminOrSessionKeyNeeded), "Get-OpenAIBalance", "Use an Admin key: an organization Owner creates one at https://platform.openai.com/settings/organization/admin-keys; pass it with -ApiKey or $env:OPENAI_ADMIN_KEY. A session key (sess-…) from the platform website also works while it lasts.")]
        [InlineData(nameof(AdviceKind.NoKey), "Get-OpenAICreditGrant", "Pass -ApiKey (for example -ApiKey (Get-Secret OpenAI)), or set $env:OPENAI_API_KEY; for an Admin key set $env:OPENAI_ADMIN_KEY.")]
        [InlineData(nameof(AdviceKind.EmptyKey), "Get-OpenAICreditGrant", "Pass the key itself, for example -ApiKey (Get-Secret OpenAI), or leave -ApiKey out to use $env:OPENAI_API_KEY.")]
        [InlineData(nameof(AdviceKind.PipedObjectWithoutKey), "Get-OpenAISpendAlert", "Pipe the objects the module wrote (a copy made by Select-Object, Import-Csv or Import-Clixml loses the key), give the input an ApiKey column, or pass -ApiKey.")]
        [InlineData(nameof(AdviceKind.LineItemsOnly), "Get-OpenAIUsage", "Use -GroupBy LineItem (or none) with this key, or use an Admin key (sk-admin-…).")]
        [InlineData(nameof(AdviceKind.ProjectSpendLimitNeedsAdminKey), "Get-OpenAISubscription", "Leave out -ProjectId, or use an Admin key (sk-admin-…).")]
        [InlineData(nameof(AdviceKind.GroupingNotTaken), "Get-OpenAITokenUsage", "Leave out the grouping or filter that the endpoint does not take; Get-Help Get-OpenAITokenUsage -Parameter GroupBy lists what each endpoint accepts.")]
        [InlineData(nameof(AdviceKind.TooManyResults), "Get-OpenAITokenUsage", "Ask for a shorter range, fewer -GroupBy properties or a wider -BucketWidth.")]
        [InlineData(nameof(AdviceKind.StartAfterToday), "Get-OpenAIUsage", "Give a -StartDate on or before today (UTC).")]
        [InlineData(nameof(AdviceKind.EndDateBeforeStartDate), "Get-OpenAIUsage", "Give -EndDate on or after -StartDate; both dates are inclusive UTC days.")]
        [InlineData(nameof(AdviceKind.EndTimeNotAfterStartTime), "Get-OpenAITokenUsage", "Give -EndTime after -StartTime (the end is exclusive).")]
        public void Each_advice_keeps_its_wording_where_it_was_right(string kindName, string command, string expected)
        {
            Assert.Equal(expected, Worded((AdviceKind)Enum.Parse(typeof(AdviceKind), kindName), command));
        }

        [Fact]
        public void Every_advice_kind_has_its_wording_pinned()
        {
            var pinned = typeof(AdviceWordingTests).GetMethod(nameof(Each_advice_keeps_its_wording_where_it_was_right))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
                .Select(d => (string)d.GetData(null!).Single()[0]);
            Assert.Equal(Kinds().Select(k => (string)k[0]).OrderBy(k => k), pinned.OrderBy(k => k));
        }

        [Fact]
        public void A_stated_advice_is_its_own_sentence_for_every_cmdlet()
        {
            foreach (var command in s_commands.Value)
            {
                Assert.Equal("Try again later.", AdviceWording.For("Try again later.", command));
            }
        }

        [Fact]
        public void An_endpoint_not_served_offers_another_source_only_to_Get_OpenAIBalance()
        {
            Assert.Equal("relay.example.com does not serve /v1/balances. Check -BaseUri, or pick another -Source.", Worded(AdviceKind.EndpointNotServed, "Get-OpenAIBalance"));
            Assert.Equal("relay.example.com does not serve /v1/balances. Check -BaseUri.", Worded(AdviceKind.EndpointNotServed, "Get-OpenAIUsage"));
            Assert.Equal("Use -Source Auto so another source answers, or pick -Source Subscription.", Worded(AdviceKind.BalancesEndpointAbsent, "Get-OpenAIBalance"));
        }

        [Fact]
        public void Too_many_results_names_what_the_failing_cmdlet_can_make_smaller()
        {
            Assert.Equal("Ask for a shorter range, fewer -GroupBy properties or a wider -BucketWidth.", Worded(AdviceKind.TooManyResults, "Get-OpenAITokenUsage"));
            Assert.Equal("Ask for a shorter range or fewer -GroupBy properties.", Worded(AdviceKind.TooManyResults, "Get-OpenAIUsage"));
            Assert.Equal("Check -BaseUri points at an OpenAI-compatible API.", Worded(AdviceKind.TooManyResults, "Get-OpenAIBalance"));
        }

        [Fact]
        public void A_grouping_the_endpoint_does_not_take_points_at_the_failing_cmdlets_help()
        {
            Assert.Equal("Leave out the grouping or filter that the endpoint does not take; Get-Help Get-OpenAITokenUsage -Parameter GroupBy lists what each endpoint accepts.",
                Worded(AdviceKind.GroupingNotTaken, "Get-OpenAITokenUsage"));
        }

        [Theory]
        [InlineData(nameof(AdviceKind.AdminKeyNeeded))]
        [InlineData(nameof(AdviceKind.AdminOrSessionKeyNeeded))]
        public void Advice_to_use_an_Admin_key_names_the_page_that_creates_one(string kindName)
        {
            foreach (var command in s_commands.Value)
            {
                Assert.Contains("https://platform.openai.com/settings/organization/admin-keys", Worded((AdviceKind)Enum.Parse(typeof(AdviceKind), kindName), command.Name));
            }
        }

        [Fact]
        public void The_check_finds_a_parameter_the_cmdlet_lacks()
        {
            Assert.Equal(new[] { "-Source" }, ForeignParameters("Check -BaseUri, or pick another -Source.", Command("Get-OpenAIUsage")));
            Assert.Equal(new[] { "Get-Help Get-OpenAITokenUsage -Parameter GroupBy" }, ForeignParameters("Get-Help Get-OpenAITokenUsage -Parameter GroupBy", Command("Get-OpenAIUsage")));
            Assert.Empty(ForeignParameters("Pass -ApiKey (Get-Secret OpenAI) with sk-admin-… keys; run with -Verbose.", Command("Get-OpenAIUsage")));
        }
    }
}
