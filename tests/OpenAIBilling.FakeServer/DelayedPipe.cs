using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// One direction of a proxied connection: every chunk read from one socket is written to the other half a round trip
/// later, in order; the first chunk also waits <c>extraFirst</c> (one round trip client to server, which stands for the
/// TCP connect the loopback did not pay). End of stream is passed on the same way, as a shutdown.
/// </summary>
internal sealed class DelayedPipe(Socket from, Socket to, TimeSpan delay, TimeSpan extraFirst)
{
    private readonly Channel<(long DueTicks, byte[]? Data, int Length)> _chunks =
        Channel.CreateUnbounded<(long, byte[]?, int)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>How many chunks <see cref="EarlyChunks"/> keeps: enough to see a connect, a TLS handshake and a first request.</summary>
    public const int EarlyChunkCount = 8;

    public long Bytes { get; private set; }

    /// <summary>The first chunks read: when (UTC) and how many bytes.</summary>
    public List<(DateTimeOffset ReadAt, int Length)> EarlyChunks { get; } = [];
    public int Chunks { get; private set; }
    public DateTimeOffset? FirstReadAt { get; private set; }
    public DateTimeOffset? FirstWrittenAt { get; private set; }

    public Task RunAsync() => Task.WhenAll(ReadAsync(), WriteAsync());

    private async Task ReadAsync()
    {
        try
        {
            while (true)
            {
                var buffer = new byte[64 * 1024];
                int read = await from.ReceiveAsync(buffer, SocketFlags.None);
                long due = Stopwatch.GetTimestamp() + Ticks(delay) + (Chunks == 0 ? Ticks(extraFirst) : 0);
                if (read == 0)
                {
                    _chunks.Writer.TryWrite((due, null, 0));
                    return;
                }
                FirstReadAt ??= DateTimeOffset.UtcNow;
                if (EarlyChunks.Count < EarlyChunkCount) EarlyChunks.Add((DateTimeOffset.UtcNow, read));
                Chunks++;
                Bytes += read;
                _chunks.Writer.TryWrite((due, buffer, read));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _chunks.Writer.TryComplete(e);
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var (dueTicks, data, length) in _chunks.Reader.ReadAllAsync())
            {
                TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueTicks);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                if (data is null)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                FirstWrittenAt ??= DateTimeOffset.UtcNow;
                for (int sent = 0; sent < length;)
                    sent += await to.SendAsync(data.AsMemory(sent, length - sent), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or ChannelClosedException)
        {
            // The other side went away: the connection is being torn down.
        }
        finally
        {
            _chunks.Writer.TryComplete();
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
