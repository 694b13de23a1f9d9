using System;
using System.Collections.Concurrent;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// Which hosts answered over HTTP/2, remembered per process (a cache safe to share between runspaces): on such a
    /// host every request of a call is a stream on one connection, so the default throttle need not spare it.
    /// </summary>
    internal static class HostProtocols
    {
        private static readonly ConcurrentDictionary<string, bool> SpeaksHttp2ByOrigin = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public static bool SpeaksHttp2(Uri uri) => SpeaksHttp2ByOrigin.TryGetValue(Origin(uri), out bool h2) && h2;

        /// <summary>Remembers the version of the latest answer from <paramref name="uri"/>'s origin.</summary>
        public static void Record(Uri uri, Version version) => SpeaksHttp2ByOrigin[Origin(uri)] = version.Major >= 2;

        internal static string Origin(Uri uri) => uri.Scheme + "://" + uri.Authority;
    }
}
