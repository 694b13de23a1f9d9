using System;
using OpenAIBilling.Hosts;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>OPENAIBILLING_OPENAI_HOSTS lets only a loopback stand-in play api.openai.com (read here without touching the environment).</summary>
    public class HostAliasTests
    {
        [Theory]
        [InlineData("http://127.0.0.1:5001", "127.0.0.1:5001", true)]
        [InlineData("http://localhost:5001", "localhost:5001", true)]
        [InlineData("http://[::1]:5001", "[::1]:5001", true)]
        [InlineData("https://evil.example", "evil.example:443", false)]
        [InlineData("https://evil.example", "evil.example", false)]
        [InlineData("http://10.0.0.5:8080", "10.0.0.5:8080", false)]
        [InlineData("http://127.0.0.1:5002", "127.0.0.1:5001", false)]
        [InlineData("https://api.openai.com", null, true)]
        public void Only_loopback_authorities_can_play_OpenAI(string root, string? aliases, bool isOpenAI)
        {
            Assert.Equal(isOpenAI, BillingHost.IsOpenAIAuthority(new Uri(root), aliases));
        }
    }
}
