using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>Every cmdlet against every fault the fake server plays: it recovers, or fails with the right error id and no key.</summary>
    [Collection(FakeServerCollection.Name)]
    public class FaultMatrixTests
    {
        private static int s_serial;
        private readonly FakeServerFixture _server;

        public FaultMatrixTests(FakeServerFixture server) => _server = server;

        /// <summary>The fault marker, and the error id it must end in (null: the cmdlet recovers and answers).</summary>
        public static IEnumerable<object?[]> Faults() => new (string, string?)[]
        {
            ("fault429retryafter", null), ("fault429ms", null), ("fault429date", null),
            ("fault408once", null), ("fault409once", null), ("fault500once", null), ("fault502once", null), ("fault503once", null),
            ("fault429noretry", "RateLimited"), ("fault429long", "RateLimited"), ("faultquota", "KeyExhausted"),
            ("fault500always", "ServerError"), ("fault502html", "ServerError"),
            ("faulttruncated", "InvalidResponse"), ("faulthtml200", "InvalidResponse"), ("faultwrongshape", "InvalidResponse"),
            ("faultdeep", "InvalidResponse"), ("faulthuge", "InvalidResponse"),
            ("faultslow", "Timeout"), ("faultreset", "ConnectionFailed"),
            ("faultredirectsame", null), ("faultredirectother", "InvalidApiKey|AdminKeyRequired"), ("faultredirectloop", "InvalidResponse"),
        }.Select(f => new object?[] { f.Item1, f.Item2 });

        [Theory]
        [MemberData(nameof(Faults))]
        public void Every_cmdlet_recovers_or_fails_with_its_own_error(string fault, string? errorId)
        {
            // The six cmdlets run at once, each in its own runspace, as six users would.
            System.Threading.Tasks.Parallel.ForEach(Commands(SecretScanTests.AlternateCase(fault)).ToList(), new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 6 }, run =>
            {
                var (command, key) = run;
                using var shell = PowerShellHost.Create();
                shell.AddScript("param($key, $relay, $openai) $DebugPreference = 'Continue'; " + command + (command.StartsWith("$key |", StringComparison.Ordinal) ? string.Empty : " -ApiKey $key") + " -Verbose -MaximumRetryCount 1 -RetryIntervalSec 1 -TimeoutSec " + TimeoutFor(fault))
                    .AddArgument(key).AddArgument(_server.Relay).AddArgument(_server.OpenAI);
                var watch = Stopwatch.StartNew();
                var output = shell.Invoke().ToList();
                string where = $"{command} under {fault}";

                if (errorId == null)
                {
                    Assert.True(shell.Streams.Error.Count == 0, where + ": " + string.Join("; ", shell.Streams.Error.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
                    Assert.NotEmpty(output);
                }
                else
                {
                    Assert.True(shell.Streams.Error.Count == 1, $"{where}: expected one error, got {shell.Streams.Error.Count}; output: {string.Join(", ", output)}");
                    var error = shell.Streams.Error[0];
                    Assert.True(errorId.Split('|').Any(id => error.FullyQualifiedErrorId.StartsWith("OpenAIBilling." + id + ",", StringComparison.Ordinal)),
                        $"{where}: expected {errorId}, got {error.FullyQualifiedErrorId}: {error.Exception.Message}");
                    Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction), where + " has no recommended action");
                    Assert.Empty(AdviceWordingTests.ForeignParameters(error.ErrorDetails!.RecommendedAction, error.InvocationInfo.MyCommand));
                    Assert.DoesNotContain("<html", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), where + $" took {watch.Elapsed.TotalSeconds:0} s");
                }

                SecretScanTests.AssertNoSecret(PowerShellHost.AllText(shell, output), key, where);
            });
        }

        [Fact]
        public void A_redirect_to_another_origin_arrives_without_the_key()
        {
            using var shell = PowerShellHost.Create();
            string key = $"sk-relayok-faultredirectother-{Interlocked.Increment(ref s_serial):D8}";
            shell.AddScript("param($key, $relay) Get-OpenAISubscription -ApiKey $key -BaseUri $relay -ErrorAction SilentlyContinue")
                .AddArgument(key).AddArgument(_server.Relay);
            shell.Invoke();

            // Only redirectother sends a relay's subscription request to the openai host.
            var redirected = _server.Log().EnumerateArray()
                .Where(e => e.GetProperty("path").GetString() == "/redirected/v1/dashboard/billing/subscription")
                .Where(e => e.GetProperty("role").GetString() == "openai")
                .ToList();
            Assert.NotEmpty(redirected);
            Assert.All(redirected, e => Assert.False(e.GetProperty("hasAuthorization").GetBoolean()));
        }

        /// <summary>A short timeout where the fault is slowness; room to stream 64 MB on a busy machine elsewhere.</summary>
        private static int TimeoutFor(string fault) => fault == "faultslow" ? 1 : 20;

        private static IEnumerable<(string Command, string Key)> Commands(string fault)
        {
            string Serial() => Interlocked.Increment(ref s_serial).ToString("D8");
            yield return ("Get-OpenAIBalance -BaseUri $relay", $"sk-relayok-{fault}-{Serial()}");
            yield return ("$key | Get-OpenAISubscription -BaseUri $relay", $"sk-relayok-{fault}-{Serial()}");
            yield return ("Get-OpenAIUsage -BaseUri $openai -Granularity Daily", $"sess-paid-{fault}-{Serial()}");
            yield return ("Get-OpenAICreditGrant -BaseUri $openai", $"sess-paid-{fault}-{Serial()}");
            yield return ("Get-OpenAITokenUsage -BaseUri $openai -Period Last7Days", $"sk-admin-org-{fault}-{Serial()}");
            yield return ("Get-OpenAISpendAlert -BaseUri $openai", $"sk-admin-org-{fault}-{Serial()}");
        }
    }
}
