using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>
    /// What differs on .NET Framework (Windows PowerShell 5.1) and must not show: these run on both legs, and the
    /// .NET Framework leg is where a regression would appear (docs/DESIGN.md, "Windows PowerShell 5.1 and .NET Framework").
    /// </summary>
    public class NetFrameworkBehaviourTests
    {
        private const string RelayToken = "sk-relaytoken000000000000005678";
        private const string Subscription = "/v1/dashboard/billing/subscription";

        [Theory]
        [InlineData(429, "HTTP 429 (Too Many Requests)")]
        [InlineData(308, "HTTP 308 (Permanent Redirect)")]
        public async Task Statuses_net_framework_has_no_name_for_are_named_in_messages(int status, string expected)
        {
            var handler = new FakeHandler().On(Subscription, status, "{\"error\":{\"message\":\"not now\",\"type\":\"requests\"}}");
            var error = await Assert.ThrowsAsync<BillingException>(() =>
                BalanceQuery.GetAsync(TestCalls.Create(RelayToken, TestCalls.NewRelay(), handler), BalanceSource.Subscription, DateTime.UtcNow.Date));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void The_runtime_kind_is_told_by_the_core_library_so_Mono_counts_as_net_framework()
        {
#if NETFRAMEWORK
            Assert.True(ClrRuntime.IsNetFramework);
#else
            Assert.False(ClrRuntime.IsNetFramework);
#endif
        }

        // ServicePointManager is obsolete on .NET (SYSLIB0014); this test reads it on purpose, to see it left alone.
#pragma warning disable SYSLIB0014
        [Fact]
        public void The_modules_handler_allows_64_connections_per_server_and_leaves_ServicePointManager_alone()
        {
            int defaultLimit = ServicePointManager.DefaultConnectionLimit;
            var protocols = ServicePointManager.SecurityProtocol;

            using var handler = SharedHttpClients.CreateHandler(null);

            Assert.Equal(64, handler.MaxConnectionsPerServer);
            Assert.Equal(defaultLimit, ServicePointManager.DefaultConnectionLimit);
            Assert.Equal(protocols, ServicePointManager.SecurityProtocol);
        }
#pragma warning restore SYSLIB0014

        [Theory]
        [InlineData("http://127.0.0.1:8080/v1/balances")]
        [InlineData("http://localhost:8080/v1/balances")]
        public void A_proxy_is_bypassed_for_loopback_on_net_framework_only(string loopback)
        {
            using var handler = SharedHttpClients.CreateHandler(new Uri("http://proxy.example:3128"));
            Assert.Equal(ClrRuntime.IsNetFramework, handler.Proxy!.IsBypassed(new Uri(loopback)));
            Assert.False(handler.Proxy.IsBypassed(new Uri("https://api.openai.com/v1/organization/costs")));
        }

        [Fact]
        public void On_net_framework_the_handler_asks_for_TLS_1_2_and_elsewhere_leaves_the_platform_default()
        {
            using var handler = SharedHttpClients.CreateHandler(null);
            using var platform = new HttpClientHandler();
            Assert.Equal(ClrRuntime.IsNetFramework ? SslProtocols.Tls12 : platform.SslProtocols, handler.SslProtocols);
        }
    }
}
