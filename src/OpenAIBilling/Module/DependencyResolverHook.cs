using System;
using System.IO;

namespace OpenAIBilling.Commands.Module
{
    /// <summary>
    /// The one <see cref="DependencyResolver"/> of this process and its <c>AssemblyResolve</c> registration, as
    /// PSResourceGet keeps its own: <c>static readonly</c>, made on first use (only on .NET Framework), never
    /// reassigned, so several imports (Azure Automation runs many jobs in one process) share one handler and
    /// registering twice still leaves one. See docs/DESIGN.md, "Windows PowerShell 5.1 and .NET Framework".
    /// </summary>
    internal static class DependencyResolverHook
    {
        private static readonly DependencyResolver Resolver =
            new DependencyResolver(Path.GetDirectoryName(typeof(DependencyResolverHook).Assembly.Location) ?? ".");

        private static readonly ResolveEventHandler Handler = Resolver.Resolve;

        public static void Register()
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Handler;
            AppDomain.CurrentDomain.AssemblyResolve += Handler;
        }

        public static void Unregister() => AppDomain.CurrentDomain.AssemblyResolve -= Handler;
    }
}
