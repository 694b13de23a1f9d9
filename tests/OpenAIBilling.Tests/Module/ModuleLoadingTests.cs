using System;
using OpenAIBilling.Commands.Module;
using Xunit;

namespace OpenAIBilling.Tests.Module
{
    public class ModuleLoadingTests
    {
        [Theory]
        [InlineData("7.4.0", true)]
        [InlineData("7.6.9", true)]
        [InlineData("8.0.0", true)]
        [InlineData("7.3.12", false)]
        [InlineData("7.2.0", false)]
        public void PowerShell_7_older_than_7_4_is_refused(string version, bool supported)
        {
            string? reason = PowerShellSupport.Unsupported(Version.Parse(version));
            Assert.Equal(supported, reason == null);
            if (!supported)
            {
                Assert.Contains(version, reason);
            }
        }
    }
}
