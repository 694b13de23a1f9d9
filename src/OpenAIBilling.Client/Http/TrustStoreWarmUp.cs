using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// On Linux the first TLS handshake of a process validates the server's certificate only after the handshake, and
    /// that first validation loads the whole trust store (hundreds of milliseconds of CPU on a small machine) while the
    /// connection sits idle. The first https request starts that load in the background instead, so it overlaps the
    /// TCP connect and the TLS round trips. Measured in tests/bench/RESULTS.md; see docs/DESIGN.md, HTTP behaviour.
    /// </summary>
    internal static class TrustStoreWarmUp
    {
        private static int _started;

        public static void StartFor(Uri uri)
        {
            if (uri.Scheme != Uri.UriSchemeHttps || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || Interlocked.Exchange(ref _started, 1) == 1)
            {
                return;
            }

            Task.Run(LoadTrustStore);
        }

        private static void LoadTrustStore()
        {
            try
            {
                using (var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine))
                {
                    store.Open(OpenFlags.ReadOnly);
                    foreach (var certificate in store.Certificates)
                    {
                        certificate.Dispose();
                    }
                }
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException || ex is PlatformNotSupportedException)
            {
                // Only a head start: the handshake loads the store itself when this cannot.
            }
        }
    }
}
