using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using OpenAIBilling.Errors;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>The client knows no PowerShell: no string in its assembly names a cmdlet's parameter as advice.</summary>
    public class ClientWordingTests
    {
        /// <summary>
        /// The messages that still name the parameter the user gave (docs/DESIGN.md, "Error ids"); everything else,
        /// and every piece of advice, names no parameter.
        /// </summary>
        private static readonly string[] s_messages =
        {
            "-StartDate ", "-EndDate ", " is before -StartDate ", "-Model", "-ProjectId", "-ApiKeyId", "-UserId",
            "-ProjectId needs an Admin key: only the organization API has per-project spend limits.",
            "The dashboard usage endpoint knows only line items: -GroupBy Project or ApiKey, -ProjectId and -ApiKeyId need an Admin key.",
            "No API key: -ApiKey was not given, ", "$env:OPENAI_ADMIN_KEY and ", "$env:OPENAI_API_KEY ", " ($env:OPENAI_ADMIN_KEY is read only for api.openai.com)",
            "$env:OPENAI_BASE_URL is not an absolute URI.",
            " uses plain http and the request would go through a proxy (-Proxy, HTTP_PROXY or the system proxy), which would see the key unencrypted; nothing was sent.",
        };

        /// <summary>Every literal string compiled into <paramref name="assemblyPath"/>.</summary>
        internal static List<string> UserStrings(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var strings = new List<string>();
            int heapSize = reader.GetHeapSize(HeapIndex.UserString);
            for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil && MetadataTokens.GetHeapOffset(handle) < heapSize; handle = reader.GetNextHandle(handle))
            {
                strings.Add(reader.GetUserString(handle));
            }

            return strings;
        }

        /// <summary>The strings that name a parameter of one of the module's cmdlets (or a common one), <c>$env:</c> or <c>Get-Help</c>.</summary>
        internal static List<string> NamingPowerShell(IEnumerable<string> strings)
        {
            using var shell = PowerShellHost.Create();
            var parameters = new HashSet<string>(
                shell.AddCommand("Get-Command").AddParameter("Module", "OpenAIBilling").Invoke<CommandInfo>().SelectMany(c => c.Parameters.Keys),
                StringComparer.OrdinalIgnoreCase);
            var token = new Regex(@"(?<![\w-])-(?<name>[A-Za-z]+)\b", RegexOptions.CultureInvariant);
            return strings.Where(s => s.Contains("$env:") || s.Contains("Get-Help")
                || token.Matches(s).Cast<Match>().Any(m => parameters.Contains(m.Groups["name"].Value))).ToList();
        }

        [Fact]
        public void No_string_in_the_client_names_a_PowerShell_parameter_but_the_known_messages()
        {
            var found = NamingPowerShell(UserStrings(typeof(BillingException).Assembly.Location));
            Assert.True(found.Count > 0 && found.All(s_messages.Contains), "The client names PowerShell in: " + string.Join(" | ", found.Where(s => !s_messages.Contains(s))));
        }

        [Fact]
        public void The_scan_sees_advice_that_names_a_parameter()
        {
            Assert.Equal(new[] { "Check -BaseUri.", "Get-Help X", "set $env:X" }, NamingPowerShell(new[] { "Check -BaseUri.", "Get-Help X", "set $env:X", "sk-admin-… keys", "Try again later." }));
        }
    }
}
