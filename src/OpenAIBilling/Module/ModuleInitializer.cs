using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Commands.Module
{
    /// <summary>
    /// Runs at <c>Import-Module</c>: refuses PowerShell 7 older than 7.4, and on Windows PowerShell 5.1 hooks the
    /// scoped dependency resolver; unhooks it when the module is removed.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static DependencyResolver? s_resolver;

        public void OnImport()
        {
            bool isCore = !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
            var version = typeof(PSObject).Assembly.GetName().Version ?? new Version(0, 0);
            string? reason = PowerShellSupport.Unsupported(isCore, isCore ? version : new Version(5, 1));
            if (reason != null)
            {
                var exception = new BillingException(BillingErrorId.UnsupportedPowerShell, reason, "Install PowerShell 7.4 or later, or use Windows PowerShell 5.1.");
                throw new UnsupportedPowerShellException(exception);
            }

            if (!isCore)
            {
                string folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
                s_resolver = new DependencyResolver(folder);
                AppDomain.CurrentDomain.AssemblyResolve += s_resolver.Resolve;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (s_resolver != null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= s_resolver.Resolve;
                s_resolver = null;
            }
        }
    }

    /// <summary>The import-time failure, carrying the <c>OpenAIBilling.UnsupportedPowerShell</c> error record.</summary>
    public sealed class UnsupportedPowerShellException : Exception, IContainsErrorRecord
    {
        internal UnsupportedPowerShellException(BillingException inner) : base(inner.Message, inner)
        {
            ErrorRecord = Pipeline.BillingErrorRecord.Create(inner, null);
        }

        public ErrorRecord ErrorRecord { get; }
    }
}
