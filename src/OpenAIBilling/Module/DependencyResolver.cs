using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace OpenAIBilling.Commands.Module
{
    /// <summary>
    /// On Windows PowerShell 5.1, finds System.Text.Json and its closure in the module's <c>dependencies</c> folder —
    /// but only for requests that come from this module's own assemblies (or from those dependencies), so another
    /// module's loading is never changed. On PowerShell 7 the runtime's own copies are used and this is not hooked.
    /// See docs/DESIGN.md, "Windows PowerShell 5.1 and .NET Framework".
    /// </summary>
    internal sealed class DependencyResolver
    {
        private readonly string _dependencyFolder;
        private readonly string _moduleFolder;
        private readonly HashSet<string> _shippedIdentities;

        public DependencyResolver(string moduleFolder)
        {
            _moduleFolder = Path.GetFullPath(moduleFolder);
            _dependencyFolder = Path.Combine(_moduleFolder, "dependencies");
            _shippedIdentities = ReadIdentities(_dependencyFolder);
        }

        /// <summary>
        /// The path to load for <paramref name="requested"/>, or null to decline (the next handler is asked).
        /// Never throws: .NET Framework calls resolve handlers one after another with no try/catch, so a throw here
        /// would break every handler registered after this one.
        /// </summary>
        public string? Decide(AssemblyName requested, Assembly? requester)
        {
            if (requester == null)
            {
                return ForUnknownRequester(requested);
            }

            // A dynamic assembly (a PowerShell class, Reflection.Emit) is never this module's; on .NET Framework
            // its Location throws NotSupportedException instead of returning an empty string.
            return requester.IsDynamic ? null : ForRequesterAt(requested, requester.Location);
        }

        /// <summary>
        /// A request from the assembly at <paramref name="requestingLocation"/>: answered by simple name when it comes
        /// from this module's folder or its dependencies, whatever version it asks for (System.Memory asks for
        /// System.Runtime.CompilerServices.Unsafe 4.0.4.1 while 6.0.0.0 ships, and modules get no binding redirects).
        /// </summary>
        public string? ForRequesterAt(AssemblyName requested, string? requestingLocation)
        {
            if (string.IsNullOrEmpty(requestingLocation) || !IsOurs(requestingLocation!))
            {
                return null;
            }

            string candidate = Path.Combine(_dependencyFolder, requested.Name + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }

        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string? path = Decide(new AssemblyName(args.Name), args.RequestingAssembly);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>
        /// .NET Framework may not say who asks. Then only a request for exactly an assembly this module ships (name,
        /// version, culture and public key token) is answered: what it gets is what it named, so another module asking
        /// for another version of the same name is left to its own handler.
        /// </summary>
        private string? ForUnknownRequester(AssemblyName requested)
        {
            if (!_shippedIdentities.Contains(requested.FullName))
            {
                return null;
            }

            return Path.Combine(_dependencyFolder, requested.Name + ".dll");
        }

        private bool IsOurs(string location)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(location)) ?? string.Empty;
            return string.Equals(folder, _moduleFolder, StringComparison.OrdinalIgnoreCase)
                || string.Equals(folder, _dependencyFolder, StringComparison.OrdinalIgnoreCase);
        }

        private static HashSet<string> ReadIdentities(string folder)
        {
            var identities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(folder))
            {
                return identities;
            }

            foreach (string file in Directory.GetFiles(folder, "*.dll"))
            {
                var name = AssemblyName.GetAssemblyName(file);
                if (string.Equals(name.Name + ".dll", Path.GetFileName(file), StringComparison.OrdinalIgnoreCase))
                {
                    identities.Add(name.FullName);
                }
            }

            return identities;
        }
    }
}
