using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>
    /// The module's assembly closure as shipped: every reference of every assembly in bin/ and bin/dependencies/ is
    /// either shipped there (at that version or later, and then the module's resolver answers it for that requester —
    /// there are no binding redirects) or part of the runtime.
    /// </summary>
    internal static class Closure
    {
        /// <summary>What powershell.exe itself provides (from the GAC), so the module does not ship it.</summary>
        private static readonly string[] ProvidedByTheHost = { "System.Management.Automation" };

        public static void Check(string bin, ResolveEventHandler moduleResolver)
        {
            string dependencies = Path.Combine(bin, "dependencies");
            var problems = new List<string>();
            var files = Directory.GetFiles(bin, "*.dll").Concat(Directory.GetFiles(dependencies, "*.dll"));
            foreach (string file in files)
            {
                var assembly = Assembly.LoadFrom(file);
                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    string? problem = Problem(bin, dependencies, assembly, reference, moduleResolver);
                    if (problem != null)
                    {
                        problems.Add(assembly.GetName().Name + " -> " + reference.FullName + ": " + problem);
                    }
                }
            }

            CheckFailedException.Unless(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        private static string? Problem(string bin, string dependencies, Assembly requester, AssemblyName reference, ResolveEventHandler moduleResolver)
        {
            if (File.Exists(Path.Combine(bin, reference.Name + ".dll")) || ProvidedByTheHost.Contains(reference.Name))
            {
                return null;
            }

            string shipped = Path.Combine(dependencies, reference.Name + ".dll");
            if (File.Exists(shipped))
            {
                var version = AssemblyName.GetAssemblyName(shipped).Version;
                if (reference.Version != null && version < reference.Version)
                {
                    return $"bin/dependencies has only {version}";
                }

                var answer = moduleResolver(null!, new ResolveEventArgs(reference.FullName, requester));
                return answer != null && PathsEqual(answer.Location, shipped) ? null : "the module's resolver does not answer it with " + shipped;
            }

            try
            {
                Assembly.Load(reference);
                return null;
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is FileLoadException || ex is BadImageFormatException)
            {
                return "neither shipped in bin/dependencies nor part of the runtime (" + ex.Message + ")";
            }
        }

        public static bool PathsEqual(string a, string b) =>
            string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.OrdinalIgnoreCase);
    }
}
