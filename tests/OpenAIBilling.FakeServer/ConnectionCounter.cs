using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// Counts the TCP connections the listeners accepted and, with --https, the TLS handshakes that completed, so a test
/// can tell whether a client reuses its connections (<c>/__connections</c>). A connection that has carried only
/// <c>/__…</c> requests is left out, so asking for the counts does not change them.
/// </summary>
internal sealed class ConnectionCounter
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new();

    private sealed class Connection
    {
        public volatile bool Handshook;
        public volatile bool Billing;
        public volatile bool Control;
    }

    /// <summary>Connection middleware for a listener, before TLS: counts accepted connections.</summary>
    public ConnectionDelegate CountConnections(ConnectionDelegate next) => context =>
    {
        _connections[context.ConnectionId] = new Connection();
        return next(context);
    };

    /// <summary>Connection middleware after TLS: it runs only once a handshake has completed.</summary>
    public ConnectionDelegate CountHandshakes(ConnectionDelegate next) => context =>
    {
        if (_connections.TryGetValue(context.ConnectionId, out var connection)) connection.Handshook = true;
        return next(context);
    };

    /// <summary>Marks the connection a request came on as carrying billing (<paramref name="control"/> false) or control requests.</summary>
    public void Saw(string connectionId, bool control)
    {
        if (!_connections.TryGetValue(connectionId, out var connection)) return;
        if (control) connection.Control = true;
        else connection.Billing = true;
    }

    public void Clear() => _connections.Clear();

    public JsonObject ToJson()
    {
        var counted = _connections.Values.Where(c => c.Billing || !c.Control).ToList();
        return new JsonObject
        {
            ["connections"] = counted.Count,
            ["tlsHandshakes"] = counted.Count(c => c.Handshook),
        };
    }
}
