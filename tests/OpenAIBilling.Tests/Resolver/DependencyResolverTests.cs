using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using OpenAIBilling.Commands.Module;
using Xunit;

namespace OpenAIBilling.Tests.Resolver
{
    /// <summary>
    /// The decisions of the dependency resolver Windows PowerShell 5.1 uses, on both legs: on the .NET Framework leg a
    /// dynamic requester's Location throws, as it does in powershell.exe. The folder is a made-up module whose
    /// dependencies/ holds one real assembly (xunit.assert, present on both legs) and one that is only a name.
    /// </summary>
    public class DependencyResolverTests : IDisposable
    {
        private static readonly AssemblyName Shipped = typeof(Assert).Assembly.GetName();

        private readonly string _module = Path.Combine(Path.GetTempPath(), "openaibilling-resolver-" + Guid.NewGuid().ToString("N"));

        public DependencyResolverTests()
        {
            Directory.CreateDirectory(Path.Combine(_module, "dependencies"));
            File.Copy(typeof(Assert).Assembly.Location, Path.Combine(_module, "dependencies", Shipped.Name + ".dll"));
        }

        public void Dispose() => Directory.Delete(_module, recursive: true);

        private string ShippedPath => Path.Combine(_module, "dependencies", Shipped.Name + ".dll");

        [Fact]
        public void The_resolver_answers_this_modules_own_requests_by_simple_name_whatever_version_they_ask()
        {
            var resolver = new DependencyResolver(_module);
            var older = new AssemblyName(Shipped.FullName) { Version = new Version(0, 0, 0, 1) };
            Assert.Equal(ShippedPath, resolver.ForRequesterAt(older, Path.Combine(_module, "OpenAIBilling.Client.dll")));
        }

        [Fact]
        public void The_resolver_answers_requests_between_its_dependencies()
        {
            var resolver = new DependencyResolver(_module);
            Assert.Equal(ShippedPath, resolver.ForRequesterAt(Shipped, Path.Combine(_module, "dependencies", "System.Text.Encodings.Web.dll")));
        }

        [Fact]
        public void The_resolver_declines_other_modules_requests()
        {
            var resolver = new DependencyResolver(_module);
            Assert.Null(resolver.ForRequesterAt(Shipped, Path.Combine(Path.GetTempPath(), "Az.Accounts", "Az.Accounts.dll")));
            Assert.Null(resolver.ForRequesterAt(Shipped, string.Empty));
        }

        [Fact]
        public void The_resolver_declines_assemblies_it_does_not_ship()
        {
            var resolver = new DependencyResolver(_module);
            Assert.Null(resolver.ForRequesterAt(new AssemblyName("Newtonsoft.Json"), Path.Combine(_module, "OpenAIBilling.dll")));
        }

        [Fact]
        public void A_dynamic_requester_is_declined_without_throwing()
        {
            var resolver = new DependencyResolver(_module);
            var dynamic = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("PowerShellClassLike"), AssemblyBuilderAccess.Run);

            Assert.Null(resolver.Decide(Shipped, dynamic));
            Assert.Null(resolver.Resolve(null, new ResolveEventArgs(Shipped.FullName, dynamic)));
        }

        [Fact]
        public void A_request_without_requester_gets_exactly_the_assembly_it_names_or_nothing()
        {
            var resolver = new DependencyResolver(_module);
            var otherVersion = new AssemblyName(Shipped.FullName) { Version = new Version(Shipped.Version!.Major + 1, 0, 0, 0) };

            Assert.Equal(ShippedPath, resolver.Decide(Shipped, null));
            Assert.Null(resolver.Decide(otherVersion, null));
            Assert.Null(resolver.Decide(new AssemblyName(Shipped.Name!), null));
            Assert.Null(resolver.Decide(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed"), null));
        }

        [Fact]
        public void A_request_from_an_assembly_on_disk_is_decided_by_its_location()
        {
            var resolver = new DependencyResolver(_module);
            Assert.Null(resolver.Decide(Shipped, typeof(DependencyResolverTests).Assembly));
        }

        [Fact]
        public void The_hook_keeps_its_state_static_readonly()
        {
            var fields = typeof(DependencyResolverHook).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
            Assert.NotEmpty(fields);
            Assert.All(fields, field => Assert.True(field.IsInitOnly, field.Name + " must be static readonly: imports in one process share one resolver."));
        }
    }
}
