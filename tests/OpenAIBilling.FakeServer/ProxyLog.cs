using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// The latency proxy's log (<c>--log-file</c>): one JSON line per connection when it closes, flushed at once, so the
/// benchmark can lay the connections beside the server's request log.
/// </summary>
internal sealed class ProxyLog(string? path) : IDisposable
{
    private readonly object _gate = new();
    private readonly StreamWriter? _writer = path is null ? null : new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    public sealed record Connection(int Id, int ListenPort, int TargetPort, DateTimeOffset AcceptedAt,
        DateTimeOffset? FirstUpReadAt, DateTimeOffset? FirstUpWrittenAt, DateTimeOffset? FirstDownReadAt, DateTimeOffset? FirstDownWrittenAt,
        DateTimeOffset ClosedAt, long BytesUp, long BytesDown, int ChunksUp, int ChunksDown,
        IReadOnlyList<(DateTimeOffset ReadAt, int Length)> EarlyUp, IReadOnlyList<(DateTimeOffset ReadAt, int Length)> EarlyDown);

    public void Write(Connection c)
    {
        if (_writer is null) return;
        var line = new JsonObject
        {
            ["id"] = c.Id,
            ["listenPort"] = c.ListenPort,
            ["targetPort"] = c.TargetPort,
            ["acceptedAt"] = Iso(c.AcceptedAt),
            ["firstUpReadAt"] = Iso(c.FirstUpReadAt),
            ["firstUpWrittenAt"] = Iso(c.FirstUpWrittenAt),
            ["firstDownReadAt"] = Iso(c.FirstDownReadAt),
            ["firstDownWrittenAt"] = Iso(c.FirstDownWrittenAt),
            ["closedAt"] = Iso(c.ClosedAt),
            ["bytesUp"] = c.BytesUp,
            ["bytesDown"] = c.BytesDown,
            ["chunksUp"] = c.ChunksUp,
            ["chunksDown"] = c.ChunksDown,
            ["earlyUp"] = Chunks(c.EarlyUp),
            ["earlyDown"] = Chunks(c.EarlyDown),
        };
        string text = line.ToJsonString();
        lock (_gate) _writer.WriteLine(text);
    }

    private static JsonArray Chunks(IReadOnlyList<(DateTimeOffset ReadAt, int Length)> chunks) =>
        new(chunks.Select(c => (JsonNode)new JsonObject { ["readAt"] = Iso(c.ReadAt), ["bytes"] = c.Length }).ToArray());

    public void Dispose() => _writer?.Dispose();

    private static string? Iso(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
