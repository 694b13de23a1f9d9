using System;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;

namespace OpenAIBilling.Commands.Module
{
    /// <summary>
    /// Runs at <c>Import-Module</c>: refuses PowerShell 7 older than 7.4, and on Windows PowerShell 5.1 hooks the
    /// scoped dependency resolver; unhooks it when the module is removed.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            if (ClrRuntime.IsNetFramework)
            {
                // Windows PowerShell 5.1 is the only PowerShell on .NET Framework.
                DependencyResolverHook.Register();
                return;
            }

            string? reason = PowerShellSupport.Unsupported(CorePowerShellVersion());
            if (reason != null)
            {
                var exception = new BillingException(BillingErrorId.UnsupportedPowerShell, reason, "Install PowerShell 7.4 or later, or use Windows PowerShell 5.1.");
                throw new UnsupportedPowerShellException(exception);
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (ClrRuntime.IsNetFramework)
            {
                DependencyResolverHook.Unregister();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Version CorePowerShellVersion() => typeof(PSObject).Assembly.GetName().Version ?? new Version(0, 0);
    }

    /// <summary>The import-time failure, carrying the <c>OpenAIBilling.UnsupportedPowerShell</c> error record.</summary>
    public sealed class UnsupportedPowerShellException : Exception, IContainsErrorRecord
    {
        internal UnsupportedPowerShellException(BillingException inner) : base(inner.Message, inner)
        {
            ErrorRecord = Pipeline.BillingErrorRecord.Create(inner, null, null);
        }

        public ErrorRecord ErrorRecord { get; }
    }
}
