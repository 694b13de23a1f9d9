using System;
using System.Linq;
using System.Management.Automation;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    [Collection(FakeServerCollection.Name)]
    public class CompletionTests
    {
        private readonly FakeServerFixture _server;

        public CompletionTests(FakeServerFixture server) => _server = server;

        private static string[] Complete(string input)
        {
            using var shell = PowerShellHost.Create();
            var result = CommandCompletion.CompleteInput(input, input.Length, null, shell);
            return result.CompletionMatches.Select(m => m.CompletionText).ToArray();
        }

        [Theory]
        [InlineData("Get-OpenAITokenUsage -Endpoint ", "AudioSpeeches")]
        [InlineData("Get-OpenAITokenUsage -BucketWidth ", "Hour")]
        [InlineData("Get-OpenAITokenUsage -GroupBy ", "ServiceTier")]
        [InlineData("Get-OpenAIUsage -GroupBy ", "LineItem")]
        [InlineData("Get-OpenAIUsage -Granularity ", "Daily")]
        [InlineData("Get-OpenAIUsage -Period ", "LastMonth")]
        [InlineData("Get-OpenAIBalance -Source ", "CreditGrants")]
        public void Fixed_sets_complete_with_Tab(string input, string expected)
        {
            Assert.Contains(expected, Complete(input));
        }

        [Fact]
        public void ProjectId_completes_from_the_organization_with_an_admin_key_in_the_environment()
        {
            Environment.SetEnvironmentVariable("OPENAI_ADMIN_KEY", "sk-admin-org0000000000000000001");
            try
            {
                var matches = Complete($"Get-OpenAISubscription -BaseUri {_server.OpenAI} -ProjectId ");
                Assert.Equal(new[] { "proj_alpha", "proj_beta" }, matches);
                Assert.Equal(new[] { "proj_beta" }, Complete($"Get-OpenAIUsage -BaseUri {_server.OpenAI} -ProjectId proj_b"));
            }
            finally
            {
                Environment.SetEnvironmentVariable("OPENAI_ADMIN_KEY", null);
            }
        }

        [Fact]
        public void ProjectId_never_sends_the_environment_s_admin_key_to_a_relay_typed_on_the_line()
        {
            Environment.SetEnvironmentVariable("OPENAI_ADMIN_KEY", "sk-admin-org0000000000000000001");
            try
            {
                int before = _server.Log().GetArrayLength();
                Assert.Empty(Complete($"Get-OpenAISubscription -BaseUri {_server.Relay} -ProjectId "));
                Assert.Empty(Complete($"Get-OpenAIUsage -BaseUri {_server.Balances} -ProjectId "));
                Assert.Equal(before, _server.Log().GetArrayLength());
            }
            finally
            {
                Environment.SetEnvironmentVariable("OPENAI_ADMIN_KEY", null);
            }
        }

        [Fact]
        public void ProjectId_gives_up_on_a_slow_host_within_its_deadline()
        {
            Environment.SetEnvironmentVariable("OPENAI_ADMIN_KEY", "sk-admin-faultslow00000000000001");
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                Assert.Empty(Complete($"Get-OpenAISubscription -BaseUri {_server.OpenAI} -ProjectId "));
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Tab took {watch.Elapsed}");
            }
            finally
            {
                Environment.SetEnvironmentVariable("OPENAI_ADMIN_KEY", null);
            }
        }

        [Fact]
        public void ProjectId_offers_nothing_without_an_admin_key()
        {
            Assert.DoesNotContain("proj_alpha", Complete($"Get-OpenAISubscription -BaseUri {_server.OpenAI} -ProjectId "));
        }
    }
}
