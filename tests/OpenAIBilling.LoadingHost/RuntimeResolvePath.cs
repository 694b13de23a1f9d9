using System;
using System.Reflection;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>
    /// The runtime's own way into the <c>AssemblyResolve</c> handlers, as its binder takes it when a load fails: Mono's
    /// AppDomain.DoAssemblyResolve calls the registered handlers in turn, with whatever requester it is given. .NET
    /// Framework's entry takes only the runtime's own assembly objects, so there <see cref="Available"/> is false and
    /// the checks that need it are skipped.
    /// </summary>
    internal static class RuntimeResolvePath
    {
        private static readonly MethodInfo? Entry =
            typeof(AppDomain).GetMethod("DoAssemblyResolve", BindingFlags.Instance | BindingFlags.NonPublic);

        public static bool Available => Entry != null;

        /// <summary>What the registered handlers, asked in turn, answer for <paramref name="name"/> from <paramref name="requester"/>.</summary>
        public static Assembly? Ask(string name, Assembly requester) =>
            (Assembly?)Entry!.Invoke(AppDomain.CurrentDomain, new object?[] { name, requester, false });
    }
}
