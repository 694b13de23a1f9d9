using System;
using System.IO;
using System.Reflection;
using OpenAIBilling.Commands.Module;
using Xunit;

namespace OpenAIBilling.Tests.Module
{
    public class ModuleLoadingTests : IDisposable
    {
        private readonly string _module = Path.Combine(Path.GetTempPath(), "openaibilling-resolver-" + Guid.NewGuid().ToString("N"));

        public ModuleLoadingTests()
        {
            Directory.CreateDirectory(Path.Combine(_module, "dependencies"));
            File.WriteAllText(Path.Combine(_module, "dependencies", "System.Text.Json.dll"), string.Empty);
        }

        public void Dispose() => Directory.Delete(_module, recursive: true);

        [Theory]
        [InlineData(true, "7.4.0", true)]
        [InlineData(true, "7.6.9", true)]
        [InlineData(true, "8.0.0", true)]
        [InlineData(true, "7.3.12", false)]
        [InlineData(true, "7.2.0", false)]
        [InlineData(false, "5.1", true)]
        [InlineData(false, "4.0", false)]
        public void PowerShell_7_older_than_7_4_is_refused(bool isCore, string version, bool supported)
        {
            string? reason = PowerShellSupport.Unsupported(isCore, Version.Parse(version));
            Assert.Equal(supported, reason == null);
            if (!supported)
            {
                Assert.Contains(version, reason);
            }
        }

        [Fact]
        public void The_resolver_answers_this_modules_own_requests_from_its_dependencies_folder()
        {
            var resolver = new DependencyResolver(_module);
            string? path = resolver.Decide(new AssemblyName("System.Text.Json, Version=8.0.0.0"), Path.Combine(_module, "OpenAIBilling.Client.dll"));
            Assert.Equal(Path.Combine(_module, "dependencies", "System.Text.Json.dll"), path);
        }

        [Fact]
        public void The_resolver_answers_requests_between_its_dependencies()
        {
            var resolver = new DependencyResolver(_module);
            Assert.NotNull(resolver.Decide(new AssemblyName("System.Text.Json"), Path.Combine(_module, "dependencies", "System.Text.Encodings.Web.dll")));
        }

        [Fact]
        public void The_resolver_declines_other_modules_requests()
        {
            var resolver = new DependencyResolver(_module);
            Assert.Null(resolver.Decide(new AssemblyName("System.Text.Json"), Path.Combine(Path.GetTempPath(), "Az.Accounts", "Az.Accounts.dll")));
            Assert.Null(resolver.Decide(new AssemblyName("System.Text.Json"), null));
        }

        [Fact]
        public void The_resolver_declines_assemblies_it_does_not_ship()
        {
            var resolver = new DependencyResolver(_module);
            Assert.Null(resolver.Decide(new AssemblyName("Newtonsoft.Json"), Path.Combine(_module, "OpenAIBilling.dll")));
        }

        [Fact]
        public void Manifest_and_assemblies_carry_one_version()
        {
            string manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "OpenAIBilling.psd1"));
            var version = typeof(OpenAIBilling.Commands.GetOpenAIBalanceCommand).Assembly.GetName().Version!;
            Assert.Contains($"ModuleVersion          = '{version.ToString(3)}'", manifest);
            Assert.Equal(version, typeof(OpenAIBilling.Balance).Assembly.GetName().Version);
        }
    }
}
