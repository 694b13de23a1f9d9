using System;
using System.Collections.Generic;
using System.IO;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>The named checks of one run: each printed as it ends, counted into the summary the test command reads.</summary>
    internal sealed class CheckList
    {
        private readonly List<string> _failures = new List<string>();

        public int Passed { get; private set; }

        public int Failed => _failures.Count;

        /// <summary>Runs <paramref name="check"/>; it passes unless it throws. Returns whether it passed.</summary>
        public bool Run(string name, Action check)
        {
            try
            {
                check();
                Passed++;
                Console.WriteLine("  [+] " + name);
                return true;
            }
            catch (Exception ex)
            {
                var root = ex is System.Reflection.TargetInvocationException && ex.InnerException != null ? ex.InnerException : ex;
                _failures.Add(name);
                Console.WriteLine("  [-] " + name);
                Console.WriteLine("      " + root.GetType().FullName + ": " + root.Message.Replace("\n", "\n      "));
                return false;
            }
        }

        /// <summary>Records a check that could not run because an earlier one it needs failed.</summary>
        public void NotRun(string name, string because)
        {
            _failures.Add(name);
            Console.WriteLine("  [-] " + name + " (not run: " + because + ")");
        }

        /// <summary>Says that a check cannot run on this runtime; it is counted neither way.</summary>
        public void Skip(string name, string because) => Console.WriteLine("  [ ] " + name + " (skipped: " + because + ")");

        public void WriteSummary(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
            File.WriteAllText(path, "{\"Passed\":" + Passed + ",\"Failed\":" + Failed + "}");
        }
    }

    /// <summary>A check's failure, said in plain words.</summary>
    internal sealed class CheckFailedException : Exception
    {
        public CheckFailedException(string message) : base(message)
        {
        }

        public static void Unless(bool condition, string message)
        {
            if (!condition)
            {
                throw new CheckFailedException(message);
            }
        }
    }
}
