using System;
using System.Linq;
using System.Reflection;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>The full names of the types an assembly makes public, in ordinal order.</summary>
    internal static class ExportedTypes
    {
        public static string[] Of(Assembly assembly) =>
            assembly.GetExportedTypes()
                .Select(type => type.FullName!)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
    }
}
