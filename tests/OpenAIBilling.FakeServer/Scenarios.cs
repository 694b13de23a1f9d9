namespace OpenAIBilling.FakeServer;

/// <summary>The key's kind, from its prefix.</summary>
internal enum KeyKind
{
    /// <summary>No Authorization header, not "Bearer", or an empty key.</summary>
    Missing,
    /// <summary><c>sess-</c></summary>
    Session,
    /// <summary><c>sk-admin-</c></summary>
    Admin,
    /// <summary><c>sk-</c>, <c>sk-proj-</c>, <c>sk-svcacct-</c> (anything <c>sk-</c> but not <c>sk-admin-</c>).</summary>
    Secret,
    /// <summary>Any other prefix.</summary>
    Other,
}

/// <summary>
/// The key of one request, the scenario marker word found in it and the fault marker, if any. The marker picks
/// the behaviour; see the tables in README.md. Markers are matched case-insensitively anywhere in the key, first
/// match in <see cref="Markers"/> order wins. Fault markers (<see cref="Faults.All"/>) are looked for separately:
/// a key can have a fault and a normal marker (<c>sk-relayok-fault500once-0001</c>).
/// </summary>
internal sealed class KeyInfo
{
    public const string RelayOk = "relayok";
    public const string RelayExpiring = "relayexpiring";
    public const string RelayUnlimited = "relayunlimited";
    public const string RelayInfinite = "relayinfinite";
    public const string RelayError200 = "relayerror200";
    public const string RelayExhausted = "relayexhausted";
    public const string Invalid = "invalid";
    public const string NoLimit = "nolimit";
    public const string Paid = "paid";
    public const string Free = "free";

    /// <summary>Every marker, in matching order.</summary>
    public static readonly string[] Markers =
        [RelayExhausted, RelayUnlimited, RelayInfinite, RelayExpiring, RelayError200, RelayOk, Invalid, NoLimit, Paid, Free];

    private KeyInfo(KeyKind kind, string? key, string? marker, Fault? fault = null, bool jitter = false)
    {
        Kind = kind;
        Key = key;
        Marker = marker;
        Fault = fault;
        Jitter = jitter;
    }

    public KeyKind Kind { get; }

    /// <summary>The whole key as sent. Never log it.</summary>
    public string? Key { get; }

    /// <summary>The marker word found in the key (lower case), or null.</summary>
    public string? Marker { get; }

    /// <summary>The fault marker's behaviour, or null.</summary>
    public Fault? Fault { get; }

    /// <summary>The key contains <c>jitter</c>: 0–50 ms random delay before the answer.</summary>
    public bool Jitter { get; }

    public bool Has(string marker) => string.Equals(Marker, marker, StringComparison.Ordinal);

    /// <summary>The key type OpenAI names in its "must be made with a session key" message.</summary>
    public string OpenAIKeyType => Kind == KeyKind.Admin ? "admin" : "secret";

    public static KeyInfo From(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return new KeyInfo(KeyKind.Missing, null, null);
        string key = header[bearer.Length..].Trim();
        if (key.Length == 0)
            return new KeyInfo(KeyKind.Missing, null, null);
        return new KeyInfo(KindOf(key), key, MarkerOf(key), Faults.Find(key), Faults.HasJitter(key));
    }

    private static KeyKind KindOf(string key) =>
        key.StartsWith("sess-", StringComparison.Ordinal) ? KeyKind.Session
        : key.StartsWith("sk-admin-", StringComparison.Ordinal) ? KeyKind.Admin
        : key.StartsWith("sk-", StringComparison.Ordinal) ? KeyKind.Secret
        : KeyKind.Other;

    private static string? MarkerOf(string key)
    {
        foreach (string marker in Markers)
        {
            if (key.Contains(marker, StringComparison.OrdinalIgnoreCase)) return marker;
        }
        return null;
    }
}
