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
