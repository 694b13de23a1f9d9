using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>
    /// Loads the module as Windows PowerShell 5.1 does and checks what that needs. Run by the test command
    /// (build/BuildTools.psm1) as
    /// <c>OpenAIBilling.LoadingHost.exe MODULE_DLL FAKE_SERVER_DLL SUMMARY_JSON</c>; exits 0 when every check passed.
    /// What this proves and what it cannot: README.md, "What was verified where".
    /// </summary>
    internal static class Program
    {
        private const string HookType = "OpenAIBilling.Commands.Module.DependencyResolverHook";
        private const string NoResolvePath = "this runtime has no resolve entry to call; on .NET Framework the emitted code above raises the event";

        public static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: OpenAIBilling.LoadingHost.exe <bin/OpenAIBilling.dll> <OpenAIBilling.FakeServer.dll> <summary.json>");
                return 2;
            }

            string moduleDll = Path.GetFullPath(args[0]);
            string bin = Path.GetDirectoryName(moduleDll)!;
            string dependencies = Path.Combine(bin, "dependencies");
            var checks = new CheckList();
            Console.WriteLine("Loading test on " + RuntimeInformation.FrameworkDescription + ", module " + moduleDll);

            checks.Run("The host runs alone: nothing beside it to load from, no .config with binding redirects", () =>
            {
                string own = typeof(Program).Assembly.Location;
                var beside = Directory.GetFiles(Path.GetDirectoryName(own)!).Where(file => !Closure.PathsEqual(file, own)).ToList();
                CheckFailedException.Unless(beside.Count == 0, "beside the host: " + string.Join(", ", beside.Select(Path.GetFileName)));
            });

            Assembly? module = null;
            checks.Run("bin/OpenAIBilling.dll loads from the built layout, by path (Assembly.LoadFrom, as Import-Module does)", () => module = Assembly.LoadFrom(moduleDll));
            if (module == null)
            {
                return Finish(checks, args[2]);
            }

            var hook = module.GetType(HookType, throwOnError: true)!;
            var moduleResolver = (ResolveEventHandler)hook.GetField("Handler", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
            checks.Run("The module's resolver hook (what OnImport runs on .NET Framework) registers, twice as on a second import", () =>
            {
                var register = hook.GetMethod("Register", BindingFlags.Static | BindingFlags.Public)!;
                register.Invoke(null, null);
                register.Invoke(null, null);
            });

            var next = new HostResolveHandler(bin);
            AppDomain.CurrentDomain.AssemblyResolve += next.Resolve;

            checks.Run("This runtime counts as .NET Framework, so OnImport hooks the resolver here as on Windows PowerShell 5.1", () =>
                CheckFailedException.Unless(SourceChecks.RuntimeCountsAsNetFramework(), "ClrRuntime.IsNetFramework is false"));

            using (var server = new FakeServer(Path.GetFullPath(args[1])))
            {
                SourceChecks.Run(checks, server);
            }

            checks.Run("Every dependency loaded came from bin/dependencies, or is the runtime's own from its GAC", () =>
            {
                var loaded = AppDomain.CurrentDomain.GetAssemblies()
                    .Where(a => !a.IsDynamic && File.Exists(Path.Combine(dependencies, a.GetName().Name + ".dll")))
                    .Where(a => !Closure.PathsEqual(a.Location, Path.Combine(dependencies, a.GetName().Name + ".dll")))
                    .ToList();

                // Mono unifies System.Numerics.Vectors with its own GAC copy whatever version is asked; .NET Framework
                // would use a GAC copy only of the very version asked. Either way it is the runtime's choice, not ours.
                foreach (var own in loaded.Where(a => a.GlobalAssemblyCache))
                {
                    Console.WriteLine("      the runtime's own " + own.GetName().FullName + " was used, from " + own.Location);
                }

                var wrong = loaded.Where(a => !a.GlobalAssemblyCache).Select(a => a.GetName().FullName + " from " + a.Location).ToList();
                CheckFailedException.Unless(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
            });

            checks.Run("No request for a shipped dependency got past the module's resolver to the next handler", () =>
            {
                var leaked = next.Seen.Where(r => File.Exists(Path.Combine(dependencies, r.Name.Name + ".dll"))).Select(r => r.ToString()).ToList();
                CheckFailedException.Unless(leaked.Count == 0, string.Join(Environment.NewLine, leaked));
            });

            checks.Run("Code in a dynamic assembly (a PowerShell class, Reflection.Emit) uses a module type", () =>
                DynamicRequester.UsesAModuleType(SourceChecks.AClientType()));

            const string DynamicThroughResolvePath = "A dynamic requester on the runtime's resolve path: the module's resolver declines without throwing, the next handler is asked";
            if (!RuntimeResolvePath.Available)
            {
                checks.Skip(DynamicThroughResolvePath, NoResolvePath);
            }
            else
            {
                checks.Run(DynamicThroughResolvePath, () => DynamicRequester.ThroughTheRuntimesResolvePath(next, "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"));
            }

            checks.Run("The closure as shipped is complete, and the module's resolver answers each dependency whatever version is asked", () =>
                Closure.Check(bin, moduleResolver));

            RegistrationChecks(checks, hook, dependencies);
            return Finish(checks, args[2]);
        }

        /// <summary>
        /// Through the runtime's resolve path: System.Memory's request for an older Unsafe than ships is answered, and
        /// one unhook (Remove-Module) after the two registrations leaves no resolver behind.
        /// </summary>
        private static void RegistrationChecks(CheckList checks, Type hook, string dependencies)
        {
            const string Answered = "The runtime's resolve path answers System.Memory's request for Unsafe 4.0.4.1 with the 6.0.0.0 that ships";
            const string Unhooked = "One unhook, as Remove-Module does, after two registrations leaves no resolver behind";
            if (!RuntimeResolvePath.Available)
            {
                checks.Skip(Answered, NoResolvePath);
                checks.Skip(Unhooked, NoResolvePath);
                return;
            }

            const string OlderUnsafe = "System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
            string unsafePath = Path.Combine(dependencies, "System.Runtime.CompilerServices.Unsafe.dll");
            var memory = Assembly.LoadFrom(Path.Combine(dependencies, "System.Memory.dll"));
            checks.Run(Answered, () =>
            {
                var answer = RuntimeResolvePath.Ask(OlderUnsafe, memory);
                CheckFailedException.Unless(answer != null && Closure.PathsEqual(answer.Location, unsafePath), "answered with " + (answer?.Location ?? "nothing"));
            });

            checks.Run(Unhooked, () =>
            {
                hook.GetMethod("Unregister", BindingFlags.Static | BindingFlags.Public)!.Invoke(null, null);
                var answer = RuntimeResolvePath.Ask(OlderUnsafe, memory);
                CheckFailedException.Unless(answer == null, "still answered with " + answer?.Location);
            });
        }

        private static int Finish(CheckList checks, string summary)
        {
            checks.WriteSummary(summary);
            Console.WriteLine($"Loading test: {checks.Passed} passed, {checks.Failed} failed");
            return checks.Failed == 0 ? 0 : 1;
        }
    }
}
