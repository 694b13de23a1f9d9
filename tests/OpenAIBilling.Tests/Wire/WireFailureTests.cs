using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Responses;
using Xunit;

namespace OpenAIBilling.Tests.Wire
{
    /// <summary>
    /// Failures below HTTP, from a raw socket on loopback through the shared client: each gets its own id, and those
    /// that are the same next time are tried once only. They rely on the .NET (Core) handler naming its failures
    /// (HttpRequestException.HttpRequestError), so they live outside Client/, which also runs on .NET Framework.
    /// </summary>
    public class WireFailureTests
    {
        private const string Key = "sk-relaytoken000000000000001234";

        private static BillingCall Call(string baseUri) =>
            new BillingCall(ApiKey.Parse(Key), BillingHost.Parse(new Uri(baseUri)), new RequestSettings { MaximumRetryCount = 2, RetryIntervalSec = 1, TimeoutSec = 30 });

        [Fact]
        public async Task Headers_over_the_limit_are_InvalidResponse_tried_once()
        {
            string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: " + new string('a', 200 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}";
            using var server = new RawServer(stream => stream.WriteAsync(Encoding.ASCII.GetBytes(head)).AsTask());
            var error = await Assert.ThrowsAsync<BillingException>(() => BillingTransport.GetAsync(Call(server.Url), Endpoint.Balances, "/v1/balances"));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.StartsWith("The answer from " + server.Url + " has headers larger than this client accepts", error.Message);
            Assert.Equal(1, server.Connections);
        }

        [Fact]
        public async Task An_answer_that_is_not_HTTP_is_InvalidResponse_tried_once()
        {
            using var server = new RawServer(stream => stream.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\n\r\n")).AsTask());
            var error = await Assert.ThrowsAsync<BillingException>(() => BillingTransport.GetAsync(Call(server.Url), Endpoint.Balances, "/v1/balances"));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.StartsWith("The answer from " + server.Url + " is not valid HTTP", error.Message);
            Assert.Equal(1, server.Connections);
        }

        [Fact]
        public async Task An_untrusted_certificate_is_ConnectionFailed_tried_once()
        {
            using var certificate = SelfSigned();
            using var server = new RawServer(async stream =>
            {
                using var tls = new SslStream(stream);
                try
                {
                    await tls.AuthenticateAsServerAsync(certificate);
                }
                catch (Exception ex) when (ex is IOException || ex is System.Security.Authentication.AuthenticationException)
                {
                    // The client refuses the chain and hangs up.
                }
            });
            string url = server.Url.Replace("http://", "https://");
            var error = await Assert.ThrowsAsync<BillingException>(() => BillingTransport.GetAsync(Call(url), Endpoint.Balances, "/v1/balances"));

            Assert.Equal(BillingErrorId.ConnectionFailed, error.ErrorId);
            Assert.StartsWith("Could not make a secure connection to " + url, error.Message);
            Assert.Contains("retrying does not help", error.RecommendedAction);
            Assert.Equal(1, server.Connections);
        }

        [Fact]
        public async Task A_reset_connection_is_retried()
        {
            using var server = new RawServer(_ => Task.CompletedTask);
            var log = new Support.CollectingLog();
            var call = Call(server.Url);
            call.Settings.Log = log;
            var error = await Assert.ThrowsAsync<BillingException>(() => BillingTransport.GetAsync(call, Endpoint.Balances, "/v1/balances"));

            Assert.Equal(BillingErrorId.ConnectionFailed, error.ErrorId);
            Assert.Contains(log.Messages, m => m.StartsWith("VERBOSE: GET " + server.Url + "/v1/balances (attempt 3) failed", StringComparison.Ordinal));
        }

        private static X509Certificate2 SelfSigned()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
        }

        /// <summary>A TCP listener on 127.0.0.1 that reads a request's head and answers with whatever it is given, then closes.</summary>
        private sealed class RawServer : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly Func<Stream, Task> _answer;
            private int _connections;

            public RawServer(Func<Stream, Task> answer)
            {
                _answer = answer;
                _listener.Start();
                Url = "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
                _ = AcceptAsync();
            }

            public string Url { get; }

            public int Connections => Volatile.Read(ref _connections);

            private async Task AcceptAsync()
            {
                while (true)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync();
                    }
                    catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException)
                    {
                        return;
                    }

                    Interlocked.Increment(ref _connections);
                    _ = ServeAsync(client);
                }
            }

            private async Task ServeAsync(TcpClient client)
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        await _answer(stream);
                        await stream.FlushAsync();
                        client.Client.Shutdown(SocketShutdown.Send);
                        var drain = new byte[4096];
                        while (await stream.ReadAsync(drain, 0, drain.Length) > 0)
                        {
                        }
                    }
                    catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
                    {
                        // The client went away.
                    }
                }
            }

            public void Dispose() => _listener.Stop();
        }
    }
}
