namespace OpenAIBilling.FakeServer;

/// <summary>The three hosts the server plays, one Kestrel listener each.</summary>
internal enum Role
{
    /// <summary>Plays api.openai.com: legacy dashboard billing (session keys) and the Admin API.</summary>
    OpenAI,
    /// <summary>A one-api style relay without /v1/balances; legacy paths with and without /v1.</summary>
    Relay,
    /// <summary>A relay with /v1/balances; legacy paths only without /v1 (so /v1/dashboard/... is 404).</summary>
    Balances,
}

internal static class Roles
{
    public static readonly Role[] All = [Role.OpenAI, Role.Relay, Role.Balances];

    public static string Name(Role role) => role switch
    {
        Role.OpenAI => "openai",
        Role.Relay => "relay",
        Role.Balances => "balances",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>Which role a connection belongs to, decided by the local port it arrived on.</summary>
internal sealed class RoleMap
{
    private readonly Dictionary<int, Role> _byPort;

    private readonly string _scheme;

    public RoleMap(IReadOnlyDictionary<Role, int> ports, string scheme = "http")
    {
        Ports = ports;
        _scheme = scheme;
        _byPort = ports.ToDictionary(p => p.Value, p => p.Key);
    }

    public IReadOnlyDictionary<Role, int> Ports { get; }

    public Role? ForPort(int localPort) => _byPort.TryGetValue(localPort, out Role role) ? role : null;

    public string Url(Role role) => $"{_scheme}://127.0.0.1:{Ports[role]}";
}
