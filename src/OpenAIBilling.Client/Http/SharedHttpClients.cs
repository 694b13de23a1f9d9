using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Threading;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// One <see cref="HttpClient"/> per process (and one more per distinct <c>-Proxy</c>), shared by every cmdlet
    /// call and runspace: infinite client timeout (each request has its own), no automatic redirects,
    /// 64 connections per server and, on .NET Framework, TLS 1.2 — both set on this module's handler, never through
    /// <c>ServicePointManager</c> (docs/DESIGN.md, "Windows PowerShell 5.1 and .NET Framework").
    /// </summary>
    internal static class SharedHttpClients
    {
        private const int ConnectionsPerServer = 64;
        private static readonly ConcurrentDictionary<string, Lazy<HttpClient>> Clients = new ConcurrentDictionary<string, Lazy<HttpClient>>();

        public static readonly string UserAgent = "OpenAIBilling/" + ModuleVersion() + " (PowerShell module; " + RuntimeInformation.FrameworkDescription + ")";

        public static HttpClient For(Uri? proxy)
        {
            string key = proxy?.AbsoluteUri ?? string.Empty;
            return Clients.GetOrAdd(key, _ => new Lazy<HttpClient>(() => Create(proxy), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        private static HttpClient Create(Uri? proxy)
        {
            var client = new HttpClient(CreateHandler(proxy), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
            return client;
        }

        internal static HttpClientHandler CreateHandler(Uri? proxy)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };

            // On .NET Framework the handler applies this to the ServicePoint of each host it asks (2 per host by
            // default); ServicePointManager.DefaultConnectionLimit, which every host of the process shares, stays.
            TrySet(() => handler.MaxConnectionsPerServer = ConnectionsPerServer);
            if (proxy != null)
            {
                handler.Proxy = new WebProxy(proxy);
                handler.UseProxy = true;
            }

            if (ClrRuntime.IsNetFramework)
            {
                // powershell.exe leaves .NET Framework on its old protocol defaults (TLS 1.0 on many machines). This
                // asks for TLS 1.2 exactly, on this handler only; TLS 1.3 is not asked for (docs/DESIGN.md, "Windows PowerShell
                // 5.1 and .NET Framework", says why).
                TrySet(() => handler.SslProtocols = SslProtocols.Tls12);
            }

            return handler;
        }

        private static void TrySet(Action set)
        {
            try
            {
                set();
            }
            catch (PlatformNotSupportedException)
            {
                // Older handlers lack the setting; their defaults apply.
            }
        }

        private static string ModuleVersion()
        {
            var assembly = typeof(SharedHttpClients).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(informational))
            {
                return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            }

            int plus = informational!.IndexOf('+');
            return plus > 0 ? informational.Substring(0, plus) : informational;
        }
    }
}
