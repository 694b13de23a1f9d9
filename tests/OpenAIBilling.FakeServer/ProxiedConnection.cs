using System.Net;
using System.Net.Sockets;

namespace OpenAIBilling.FakeServer;

/// <summary>One client connection through the latency proxy: a socket to the target and a delayed pipe each way.</summary>
internal static class ProxiedConnection
{
    public static async Task RunAsync(int id, Socket client, int listenPort, int targetPort, TimeSpan rtt, ProxyLog log)
    {
        DateTimeOffset acceptedAt = DateTimeOffset.UtcNow;
        using (client)
        using (var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            client.NoDelay = true;
            server.NoDelay = true;
            try
            {
                await server.ConnectAsync(new IPEndPoint(IPAddress.Loopback, targetPort));
            }
            catch (SocketException)
            {
                return; // the target is gone; the client sees the connection close
            }

            var half = rtt / 2;
            var up = new DelayedPipe(client, server, half, rtt);
            var down = new DelayedPipe(server, client, half, TimeSpan.Zero);
            Task upDone = up.RunAsync();
            Task downDone = down.RunAsync();
            await Task.WhenAny(upDone, downDone);
            // One side finished (or broke): let the other drain its delayed chunks, then close both.
            await Task.WhenAll(upDone, downDone).WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
            log.Write(new ProxyLog.Connection(id, listenPort, targetPort, acceptedAt, up.FirstReadAt, up.FirstWrittenAt,
                down.FirstReadAt, down.FirstWrittenAt, DateTimeOffset.UtcNow, up.Bytes, down.Bytes, up.Chunks, down.Chunks, up.EarlyChunks, down.EarlyChunks));
        }
    }
}
