using System;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// Whether a request would pass through a proxy: <c>-Proxy</c> carries every request, loopback included;
    /// without it the platform's proxy (<c>HTTP_PROXY</c>, the system proxy) decides, asked the way the shared
    /// handler asks it. A plain-http request through a proxy exposes the key to the proxy and the path to it, so the
    /// plain-http guard treats it like a remote host (docs/DESIGN.md, Security).
    /// </summary>
    internal static class ProxyRoute
    {
        private static readonly Lazy<IWebProxy?> PlatformProxy = new Lazy<IWebProxy?>(FindPlatformProxy);

        public static bool IsProxied(Uri uri, Uri? explicitProxy)
        {
            if (explicitProxy != null)
            {
                return true;
            }

            var proxy = PlatformProxy.Value;
            if (proxy == null)
            {
                return false;
            }

            try
            {
                var through = proxy.GetProxy(uri);
                return through != null && through != uri && !proxy.IsBypassed(uri);
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException || ex is InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>The proxy a handler without its own uses: <c>HttpClient.DefaultProxy</c> on .NET, else the WebRequest default.</summary>
        private static IWebProxy? FindPlatformProxy()
        {
            var property = typeof(HttpClient).GetProperty("DefaultProxy", BindingFlags.Public | BindingFlags.Static);
            if (property != null)
            {
                return property.GetValue(null) as IWebProxy;
            }

            return WebRequest.DefaultWebProxy;
        }
    }
}
