using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>Many keys at once: every answer belongs to its key, in input order; Ctrl+C stops everything at once.</summary>
    [Collection(FakeServerCollection.Name)]
    public class ConcurrencyTests
    {
        private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);
        private readonly FakeServerFixture _server;

        public ConcurrencyTests(FakeServerFixture server) => _server = server;

        [Fact]
        public void Two_hundred_keys_with_random_latencies_each_get_their_own_answer_in_input_order()
        {
            using var shell = PowerShellHost.Create();
            shell.AddScript(@"param($relay)
                1..200 | ForEach-Object {
                    $marker = if ($_ % 3 -eq 0) { 'relayunlimited' } else { 'relayok' }
                    [pscustomobject]@{ ApiKey = ('sk-jitter-' + $marker + '-{0:D8}' -f $_); Name = ""$_""; BaseUri = $relay }
                } | Get-OpenAIBalance -ThrottleLimit 16").AddArgument(_server.Relay);
            var output = shell.Invoke().Select(o => (Balance)o.BaseObject).ToList();

            Assert.Empty(shell.Streams.Error);
            Assert.Equal(200, output.Count);
            for (int i = 0; i < 200; i++)
            {
                int number = i + 1;
                var balance = output[i];
                Assert.Equal(number.ToString(), balance.Name);
                Assert.Equal("sk-..." + (number % 10000).ToString("D4"), balance.KeyHint);
                Assert.Equal(number % 3 == 0, balance.IsUnlimited);
                Assert.Equal(number % 3 == 0 ? 12.34m : 3.125m, balance.UsedUsd);
            }
        }

        [Fact]
        public void Progress_counts_keys_done_and_read_and_completes()
        {
            using var shell = PowerShellHost.Create();
            shell.AddScript("param($relay) 1..3 | ForEach-Object { 'sk-relayok-{0:D20}' -f $_ } | Get-OpenAIBalance -BaseUri $relay").AddArgument(_server.Relay);
            Assert.Equal(3, shell.Invoke().Count);
            var keys = shell.Streams.Progress.Where(p => p.Activity == "Get-OpenAIBalance").ToList();
            Assert.Contains(keys, p => p.StatusDescription == "3 done of 3 read");
            Assert.Equal(ProgressRecordType.Completed, keys.Last().RecordType);
        }

        [Fact]
        public void Progress_counts_the_windows_of_a_long_range()
        {
            using var shell = PowerShellHost.Create();
            shell.AddScript("param($openai) Get-OpenAIUsage -ApiKey 'sess-paid-000000000000000001' -BaseUri $openai -StartDate ([DateTime]::UtcNow.Date.AddDays(-364))").AddArgument(_server.OpenAI);
            Assert.Single(shell.Invoke());
            var windows = shell.Streams.Progress.Where(p => p.Activity.EndsWith("windows", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "1 done of 4 windows", "2 done of 4 windows", "3 done of 4 windows", "4 done of 4 windows" }, windows.Select(p => p.StatusDescription));
            Assert.Equal(ProgressRecordType.Completed, windows.Last().RecordType);
            Assert.DoesNotContain(shell.Streams.Progress, p => p.Activity == "Get-OpenAIUsage" && p.StatusDescription.Contains("read"));
        }

        [Fact]
        public void Progress_gives_a_percentage_once_every_input_is_read()
        {
            using var shell = PowerShellHost.Create();
            shell.AddScript("param($relay) 'sk-relayok-00000000000000000081', 'sk-relayok-00000000000000000082', 'sk-relayok-faultslow-000000083' | Get-OpenAIBalance -BaseUri $relay -TimeoutSec 3 -MaximumRetryCount 0 -ErrorAction SilentlyContinue").AddArgument(_server.Relay);
            Assert.Equal(2, shell.Invoke().Count);
            var keys = shell.Streams.Progress.Where(p => p.Activity == "Get-OpenAIBalance").ToList();
            Assert.Contains(keys, p => p.StatusDescription.StartsWith("2 done of 3 read; waiting for sk-...0083 (", StringComparison.Ordinal) && p.PercentComplete == 66);
            Assert.Contains(keys, p => p.StatusDescription == "3 done of 3 read" && p.PercentComplete == 100);
            Assert.Equal(ProgressRecordType.Completed, keys.Last().RecordType);
        }

        [Fact]
        public void A_single_slow_call_shows_a_status_line_and_completes_it()
        {
            using var shell = PowerShellHost.Create();
            shell.AddScript("param($relay) Get-OpenAIBalance -ApiKey 'sk-relayok-faultslow-000000091' -BaseUri $relay -TimeoutSec 3 -MaximumRetryCount 0 -ErrorAction SilentlyContinue").AddArgument(_server.Relay);
            Assert.Empty(shell.Invoke());
            var keys = shell.Streams.Progress.Where(p => p.Activity == "Get-OpenAIBalance").ToList();
            Assert.Contains(keys, p => p.StatusDescription.StartsWith("Waiting for sk-...0091 (", StringComparison.Ordinal));
            Assert.Equal(ProgressRecordType.Completed, keys.Last().RecordType);
        }

        [Fact]
        public void Inputs_are_started_a_bounded_number_ahead_of_a_slow_first_key()
        {
            // -ThrottleLimit 2 lets 4 x 2 = 8 inputs wait for output; the first key's answer takes 60 s, so the other keys
            // may be answered but not written, and no more than 8 may be started however many are piped.
            int before = RequestsSeen();
            using var shell = PowerShellHost.Create();
            shell.AddScript(@"param($relay)
                1..1000 | ForEach-Object { if ($_ -eq 1) { 'sk-relayok-faultslow-00000001' } else { 'sk-relayok-{0:D20}' -f $_ } } |
                    Get-OpenAISubscription -BaseUri $relay -ThrottleLimit 2").AddArgument(_server.Relay);
            var running = shell.BeginInvoke();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (RequestsSeen() - before < 8 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }

            Thread.Sleep(1000);   // time enough to send hundreds more requests, were inputs not bounded
            int seen = RequestsSeen() - before;
            shell.Stop();
            Assert.False(running.IsCompleted && shell.InvocationStateInfo.State == PSInvocationState.Completed);
            Assert.Equal(8, seen);
            AssertNothingStillRunning();
        }

        private int RequestsSeen() => _server.Log().EnumerateArray().Count();

        [Theory]
        [InlineData("a slow request", "Get-OpenAIBalance -ApiKey 'sk-relayok-faultslow-00000001' -BaseUri $relay")]
        [InlineData("a retry delay", "Get-OpenAIBalance -ApiKey 'sk-relayok-00000000000000002' -BaseUri 'http://127.0.0.1:1' -MaximumRetryCount 5 -RetryIntervalSec 60")]
        [InlineData("a throttle wait", "'sk-relayok-faultslow-00000003', 'sk-relayok-00000000000000004' | Get-OpenAISubscription -BaseUri $relay -ThrottleLimit 1")]
        [InlineData("200 piped keys", "1..200 | ForEach-Object { 'sk-relayok-faultslow-{0:D8}' -f $_ } | Get-OpenAIBalance -BaseUri $relay")]
        [InlineData("a usage window", "Get-OpenAIUsage -ApiKey 'sess-paid-faultslow-00000005' -BaseUri $openai -Period ThisYear -Granularity Daily")]
        [InlineData("minute windows since year one", "Get-OpenAITokenUsage -ApiKey 'sk-admin-faultslow-00000006' -BaseUri $openai -BucketWidth Minute -StartTime ([DateTimeOffset]::new(1, 1, 1, 0, 0, 0, [TimeSpan]::Zero))")]
        public void Stop_returns_at_once_and_leaves_no_request_running(string during, string script)
        {
            using var shell = PowerShellHost.Create();
            shell.AddScript("param($relay, $openai) " + script).AddArgument(_server.Relay).AddArgument(_server.OpenAI);
            var running = shell.BeginInvoke();
            Thread.Sleep(1500);
            Assert.False(running.IsCompleted, $"the command should still be waiting on {during}");

            var watch = Stopwatch.StartNew();
            shell.Stop();
            watch.Stop();
            Assert.True(watch.Elapsed < StopBound, $"Stop during {during} took {watch.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            AssertNothingStillRunning();
        }

        /// <summary>Every request the server saw has finished (the server notes disconnected clients too).</summary>
        private void AssertNothingStillRunning()
        {
            var deadline = DateTime.UtcNow + StopBound;
            while (true)
            {
                var open = _server.Log().EnumerateArray().Where(e => e.GetProperty("finishedAt").ValueKind == JsonValueKind.Null).ToList();
                if (open.Count == 0)
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{open.Count} request(s) still running after Stop, e.g. {open[0]}");
                Thread.Sleep(100);
            }
        }
    }
}
