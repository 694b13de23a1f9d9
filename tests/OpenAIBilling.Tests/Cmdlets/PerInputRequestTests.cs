using System.Linq;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>
    /// Rows that bind their own key, label, base URI and project by property name, as from Import-Csv: the first row's
    /// work is held (its first request is a 429 with Retry-After: 1) while the later rows are bound, and its record
    /// still carries the first row's values, since the work reads only the request captured for its input.
    /// </summary>
    [Collection(FakeServerCollection.Name)]
    public class PerInputRequestTests
    {
        private readonly FakeServerFixture _server;

        public PerInputRequestTests(FakeServerFixture server) => _server = server;

        [Fact]
        public void A_held_first_row_keeps_its_own_Name_and_BaseUri_while_the_next_rows_are_bound()
        {
            const string suffix = "141";
            int before = _server.Log().GetArrayLength();
            using var shell = PowerShellHost.Create();
            shell.AddScript(@"param($relay, $balances, $suffix)
                @(
                    [pscustomobject]@{ ApiKey = 'sk-relayok-fault429retryafter-1' + $suffix; Name = 'first'; BaseUri = $relay }
                    [pscustomobject]@{ ApiKey = 'sk-relayok-00000000000000002' + $suffix; Name = 'second'; BaseUri = $balances }
                    [pscustomobject]@{ ApiKey = 'sk-relayok-00000000000000003' + $suffix; Name = 'third'; BaseUri = $relay }
                ) | Get-OpenAIBalance").AddArgument(_server.Relay).AddArgument(_server.Balances).AddArgument(suffix);
            var output = shell.Invoke().Select(o => (Balance)o.BaseObject).ToList();

            Assert.Empty(shell.Streams.Error);
            Assert.Equal(new[] { "first", "second", "third" }, output.Select(b => b.Name));
            Assert.Equal(new[] { _server.Relay, _server.Balances, _server.Relay }, output.Select(b => b.BaseUri));
            Assert.Equal(new[] { "sk-...1" + suffix, "sk-...2" + suffix, "sk-...3" + suffix }, output.Select(b => b.KeyHint));
            Assert.Equal(new[] { "Subscription", "Balances", "Subscription" }, output.Select(b => b.Source));
            AssertAnotherRowWasAskedWhileTheFirstWasHeld(before);
        }

        [Fact]
        public void A_held_first_row_keeps_its_own_ProjectId_while_the_next_row_is_bound()
        {
            const string suffix = "142";
            int before = _server.Log().GetArrayLength();
            using var shell = PowerShellHost.Create();
            shell.AddScript(@"param($openai, $suffix)
                ""ApiKey,Name,ProjectId
                sk-admin-fault429retryafter-1$suffix,alpha row,proj_alpha
                sk-admin-0000000000000002$suffix,beta row,proj_beta"" -replace '(?m)^\s+', '' | ConvertFrom-Csv | Get-OpenAISubscription -BaseUri $openai")
                .AddArgument(_server.OpenAI).AddArgument(suffix);
            var output = shell.Invoke().Select(o => (Subscription)o.BaseObject).ToList();

            Assert.Empty(shell.Streams.Error);
            Assert.Equal(new[] { "alpha row", "beta row" }, output.Select(s => s.Name));
            Assert.Equal(new[] { "proj_alpha", "proj_beta" }, output.Select(s => s.ProjectId));
            Assert.Equal(new[] { "sk-admin-...1" + suffix, "sk-admin-...2" + suffix }, output.Select(s => s.KeyHint));
            Assert.Equal(new decimal?[] { 100m, 25m }, output.Select(s => s.HardLimitUsd));
            AssertAnotherRowWasAskedWhileTheFirstWasHeld(before);
        }

        /// <summary>Another row's request reached the server before the first row's retry: it was bound while the first row was held.</summary>
        private void AssertAnotherRowWasAskedWhileTheFirstWasHeld(int before)
        {
            var faults = _server.Log().EnumerateArray().Skip(before)
                .Select(e => e.GetProperty("fault").GetString())
                .ToList();
            int heldAt = faults.IndexOf("fault429retryafter");
            int retriedAt = faults.LastIndexOf("fault429retryafter");
            Assert.True(heldAt >= 0 && retriedAt > heldAt, string.Join(", ", faults));
            Assert.Contains(null, faults.Take(retriedAt));
        }
    }
}
