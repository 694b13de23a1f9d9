using System;

namespace OpenAIBilling.Commands.Module
{
    /// <summary>Which PowerShell the module runs on: Windows PowerShell 5.1 (Desktop) and PowerShell 7.4 or later (Core).</summary>
    internal static class PowerShellSupport
    {
        public static readonly Version MinimumCoreVersion = new Version(7, 4);

        /// <summary>The reason this PowerShell is not supported, or null when it is.</summary>
        /// <param name="isCore">True on PowerShell 6+ (.NET), false on Windows PowerShell (.NET Framework).</param>
        /// <param name="version">The PowerShell version (<c>$PSVersionTable.PSVersion</c>).</param>
        public static string? Unsupported(bool isCore, Version version)
        {
            if (!isCore)
            {
                return version.Major == 5 && version.Minor >= 1 ? null : $"Windows PowerShell {version} is not supported; use 5.1.";
            }

            return version >= MinimumCoreVersion
                ? null
                : $"PowerShell {version} is not supported: OpenAIBilling needs PowerShell {MinimumCoreVersion} or later (or Windows PowerShell 5.1).";
        }
    }
}
