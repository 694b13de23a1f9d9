using System;
using System.Net;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// The HTTP version each request asks for. On .NET (PowerShell 7) 2.0: the request's default
    /// version policy, "or lower", lets ALPN pick HTTP/2 where the host offers it and HTTP/1.1 elsewhere (plain
    /// http stays 1.1). On .NET Framework and Mono (Windows PowerShell 5.1) 1.1, the highest their handler knows.
    /// Set per request: netstandard2.0 has no <c>HttpClient.DefaultRequestVersion</c>, and it would not reach the
    /// messages the module builds itself anyway.
    /// </summary>
    internal static class RequestVersion
    {
        public static readonly Version Preferred = ClrRuntime.IsNetFramework ? HttpVersion.Version11 : new Version(2, 0);
    }
}
