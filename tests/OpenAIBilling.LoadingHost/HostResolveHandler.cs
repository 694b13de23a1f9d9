using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>
    /// The second <c>AssemblyResolve</c> handler, registered after the module's as another module's would be. It plays
    /// powershell.exe's part for this host: its own references to the module's assemblies (OpenAIBilling.*) are
    /// answered from bin/. It records every request that reaches it, so the host can tell what the module's resolver
    /// declined: a request for a dependency should never get here.
    /// </summary>
    internal sealed class HostResolveHandler
    {
        private readonly string _bin;

        public HostResolveHandler(string bin)
        {
            _bin = bin;
        }

        public ConcurrentQueue<Request> Seen { get; } = new ConcurrentQueue<Request>();

        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var requester = args.RequestingAssembly;
            Seen.Enqueue(new Request(new AssemblyName(args.Name), requester?.GetName().Name, requester?.IsDynamic == true));
            string name = new AssemblyName(args.Name).Name ?? string.Empty;
            string path = Path.Combine(_bin, name + ".dll");
            return name.StartsWith("OpenAIBilling", StringComparison.Ordinal) && File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }

        /// <summary>One request as this handler saw it.</summary>
        internal sealed class Request
        {
            public Request(AssemblyName name, string? requester, bool dynamicRequester)
            {
                Name = name;
                Requester = requester;
                DynamicRequester = dynamicRequester;
            }

            public AssemblyName Name { get; }

            public string? Requester { get; }

            public bool DynamicRequester { get; }

            public override string ToString() => Name.FullName + " asked by " + (Requester ?? "nobody named") + (DynamicRequester ? " (dynamic)" : string.Empty);
        }
    }
}
