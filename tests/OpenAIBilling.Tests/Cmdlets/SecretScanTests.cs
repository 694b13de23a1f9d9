using System;
using System.Collections.Generic;
using System.Linq;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>
    /// Runs every cmdlet with every kind of key against every host, with -Verbose and -Debug, and looks for the key in
    /// all six streams, $Error, exception messages, inner exceptions and ToString(): no 8 consecutive characters of
    /// the part after the kind prefix may appear anywhere (relays echo whole keys in their errors).
    /// </summary>
    [Collection(FakeServerCollection.Name)]
    public class SecretScanTests
    {
        private const int Window = 8;
        private readonly FakeServerFixture _server;

        public SecretScanTests(FakeServerFixture server) => _server = server;

        /// <summary>
        /// Keys with each scenario marker, in alternating case (the server matches markers case-insensitively) so that
        /// no 8-character window of a key is also an English word the module may rightly print ("IsUnlimited").
        /// </summary>
        public static IEnumerable<object[]> Keys() => new[]
        {
            ("sk-", "relayok"), ("sk-", "relayunlimited"), ("sk-", "relayerror200"), ("sk-", "relayexhausted"), ("sk-", "invalid"),
            ("sess-", "paid"), ("sess-", "free"), ("sk-admin-", "org"), ("sk-admin-", "nolimit"), ("sk-proj-", "project"), ("sk-svcacct-", "service"),
        }.Select(k => new object[] { k.Item1 + AlternateCase(k.Item2) + "Zq7Xw3Vb9Ns5Kd2Lm8Pt4Rh6" });

        internal static string AlternateCase(string marker) =>
            new string(marker.Select((c, i) => i % 2 == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());

        private static readonly string[] Commands =
        {
            "Get-OpenAIBalance -Verbose -Debug -MaximumRetryCount 1 -RetryIntervalSec 1",
            "Get-OpenAISubscription -Verbose -Debug -MaximumRetryCount 1 -RetryIntervalSec 1",
            "Get-OpenAIUsage -Verbose -Debug -Granularity Daily -Period Last7Days",
            "Get-OpenAICreditGrant -Verbose -Debug",
            "Get-OpenAITokenUsage -Verbose -Debug -Period Last7Days",
            "Get-OpenAISpendAlert -Verbose -Debug",
        };

        [Theory]
        [MemberData(nameof(Keys))]
        public void No_cmdlet_writes_the_key_anywhere(string key)
        {
            foreach (var host in new[] { _server.OpenAI, _server.Relay, _server.Balances })
            {
                foreach (var command in Commands)
                {
                    using var shell = PowerShellHost.Create();
                    shell.AddScript($"$ErrorActionPreference = 'Continue'; $DebugPreference = 'Continue'; '{key}' | ForEach-Object {{ {command} -ApiKey $_ -BaseUri '{host}' }}");
                    var output = shell.Invoke();
                    string text = PowerShellHost.AllText(shell, output);
                    Assert.True(text.Length > 0, "the run left no trace at all");
                    AssertNoSecret(text, key, $"{command} at {host}");
                }
            }
        }

        internal static void AssertNoSecret(string text, string key, string context)
        {
            string body = key.Substring(key.IndexOf('-', key.StartsWith("sk-admin-") || key.StartsWith("sk-proj-") || key.StartsWith("sk-svcacct-") ? 3 : 0) + 1);
            for (int i = 0; i + Window <= body.Length; i++)
            {
                string fragment = body.Substring(i, Window);
                int at = text.IndexOf(fragment, StringComparison.Ordinal);
                Assert.True(at < 0, $"{context}: '{fragment}' of the key appears in: …{text.Substring(Math.Max(0, at - 80), Math.Min(160, text.Length - Math.Max(0, at - 80)))}…");
            }
        }
    }
}
