using System;
using System.IO;
using System.Reflection;

namespace OpenAIBilling.Commands.Module
{
    /// <summary>
    /// On Windows PowerShell 5.1, finds System.Text.Json and its closure in the module's <c>dependencies</c> folder —
    /// but only for requests that come from this module's own assemblies (or from those dependencies), so another
    /// module's loading is never changed. On PowerShell 7 the runtime's own copies are used and this is not hooked.
    /// </summary>
    internal sealed class DependencyResolver
    {
        private readonly string _dependencyFolder;
        private readonly string _moduleFolder;

        public DependencyResolver(string moduleFolder)
        {
            _moduleFolder = Path.GetFullPath(moduleFolder);
            _dependencyFolder = Path.Combine(_moduleFolder, "dependencies");
        }

        /// <summary>The path to load for <paramref name="requested"/> asked by <paramref name="requestingLocation"/>, or null to decline.</summary>
        public string? Decide(AssemblyName requested, string? requestingLocation)
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
            string? path = Decide(new AssemblyName(args.Name), args.RequestingAssembly?.Location);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        private bool IsOurs(string location)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(location)) ?? string.Empty;
            return string.Equals(folder, _moduleFolder, StringComparison.OrdinalIgnoreCase)
                || string.Equals(folder, _dependencyFolder, StringComparison.OrdinalIgnoreCase);
        }
    }
}
