using System;

namespace OpenAIBilling.Commands.Module
{
    /// <summary>
    /// Which PowerShell 7 the module runs on: 7.4 or later. (On .NET Framework it is Windows PowerShell 5.1, which
    /// the manifest's PowerShellVersion already requires.)
    /// </summary>
    internal static class PowerShellSupport
    {
        public static readonly Version MinimumCoreVersion = new Version(7, 4);

        /// <summary>The reason this PowerShell 7 is not supported, or null when it is.</summary>
        /// <param name="version">The PowerShell version (<c>$PSVersionTable.PSVersion</c>).</param>
        public static string? Unsupported(Version version) =>
            version >= MinimumCoreVersion
                ? null
                : $"PowerShell {version} is not supported: OpenAIBilling needs PowerShell {MinimumCoreVersion} or later (or Windows PowerShell 5.1).";
    }
}
