using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// Every non-/__ request on any port, in arrival order. An entry is added when the request arrives
/// (finishedAt null while it runs) and completed when its answer is written. Keys are never stored.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];

    public sealed class Entry
    {
        public required string Role { get; init; }
        public required string Method { get; init; }
        public required string Path { get; init; }
        public required string Query { get; init; }
        public required bool HasAuthorization { get; init; }
        public required string? KeyMarker { get; init; }
        public required string? Fault { get; init; }
        public required string Protocol { get; init; }
        public required string Connection { get; init; }
        public required DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; set; }
        public int? Status { get; set; }
    }

    public Entry Begin(Role role, HttpRequest request, KeyInfo key)
    {
        var entry = new Entry
        {
            Role = Roles.Name(role),
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = request.QueryString.Value ?? "",
            HasAuthorization = request.Headers.ContainsKey("Authorization"),
            KeyMarker = key.Marker,
            Fault = key.Fault?.Marker,
            Protocol = request.Protocol,
            Connection = request.HttpContext.Connection.Id,
            StartedAt = DateTimeOffset.UtcNow,
        };
        lock (_gate) _entries.Add(entry);
        return entry;
    }

    public void Finish(Entry entry, int status)
    {
        lock (_gate)
        {
            entry.Status = status;
            entry.FinishedAt = DateTimeOffset.UtcNow;
        }
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    public JsonArray ToJson()
    {
        var array = new JsonArray();
        lock (_gate)
        {
            foreach (Entry e in _entries)
            {
                array.Add(new JsonObject
                {
                    ["role"] = e.Role,
                    ["method"] = e.Method,
                    ["path"] = e.Path,
                    ["query"] = e.Query,
                    ["hasAuthorization"] = e.HasAuthorization,
                    ["keyMarker"] = e.KeyMarker,
                    ["fault"] = e.Fault,
                    ["protocol"] = e.Protocol,
                    ["connection"] = e.Connection,
                    ["startedAt"] = Iso(e.StartedAt),
                    ["finishedAt"] = e.FinishedAt is { } f ? Iso(f) : null,
                    ["status"] = e.Status,
                });
            }
        }
        return array;
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
