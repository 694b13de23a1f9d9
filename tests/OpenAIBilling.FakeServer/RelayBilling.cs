using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// The "relay" and "balances" roles: one-api behaviour for its own tokens (docs/DESIGN.md, "Tests and the fake server"). The relay serves the
/// legacy subscription/usage under both /v1/dashboard/billing/ and /dashboard/billing/; the balances host
/// serves them only without /v1 and adds GET /v1/balances. credit_grants is not served by relays (404).
/// </summary>
internal static class RelayBilling
{
    public static Reply Handle(Role role, HttpRequest request, string path, KeyInfo key)
    {
        if (!HttpMethods.IsGet(request.Method)) return ErrorBodies.InvalidUrl(request.Method, path);

        bool balancesHost = role == Role.Balances;
        if (balancesHost && path == "/v1/balances")
            return Authorize(key) ?? Balance(key);

        LegacyPath? legacy = LegacyBilling.Match(path, allowV1: !balancesHost, allowBare: true);
        if (legacy is LegacyPath.Subscription or LegacyPath.Usage)
        {
            return Authorize(key) ?? (key.Has(KeyInfo.RelayError200)
                ? ErrorBodies.RelayUpstreamError200()
                : Reply.Ok(legacy == LegacyPath.Subscription ? Subscription(key) : Usage(key)));
        }
        return ErrorBodies.InvalidUrl(request.Method, path);
    }

    /// <summary>Whether a GET of the path gets an answer other than 404 "Invalid URL" (faults act only on these).</summary>
    public static bool Serves(Role role, string path)
    {
        bool balancesHost = role == Role.Balances;
        return (balancesHost && path == "/v1/balances")
            || LegacyBilling.Match(path, allowV1: !balancesHost, allowBare: true) is LegacyPath.Subscription or LegacyPath.Usage;
    }

    /// <summary>one-api's TokenAuth: null when the token is accepted, else the 401 to send.</summary>
    private static Reply? Authorize(KeyInfo key)
    {
        if (key.Kind == KeyKind.Missing) return ErrorBodies.RelayMissingKey();
        if (key.Has(KeyInfo.RelayExhausted)) return ErrorBodies.RelayExhausted();
        if (key.Has(KeyInfo.RelayOk) || key.Has(KeyInfo.RelayExpiring) || key.Has(KeyInfo.RelayUnlimited) || key.Has(KeyInfo.RelayInfinite) || key.Has(KeyInfo.RelayError200))
            return null;
        return ErrorBodies.RelayInvalidToken(key.Key!);
    }

    /// <summary>Shaped like legacy-subscription.one-api-relay*.json: only these six fields.</summary>
    private static JsonObject Subscription(KeyInfo key)
    {
        (decimal limit, long accessUntil) = key.Marker switch
        {
            KeyInfo.RelayUnlimited => (100000000m, 1767225600L),
            KeyInfo.RelayInfinite => (100000000m, 0L),
            KeyInfo.RelayExpiring => (25.5m, 1893456000L),
            _ => (25.5m, 0L),
        };
        return new JsonObject
        {
            ["object"] = "billing_subscription",
            ["has_payment_method"] = true,
            ["soft_limit_usd"] = limit,
            ["hard_limit_usd"] = limit,
            ["system_hard_limit_usd"] = limit,
            ["access_until"] = accessUntil,
        };
    }

    /// <summary>Like legacy-usage.one-api-relay.json: total in cents, no daily_costs, dates ignored.</summary>
    private static JsonObject Usage(KeyInfo key) => new()
    {
        ["object"] = "list",
        ["total_usage"] = key.Has(KeyInfo.RelayUnlimited) || key.Has(KeyInfo.RelayInfinite) ? 1234m : 312.5m,
    };

    private static Reply Balance(KeyInfo key)
    {
        if (key.Has(KeyInfo.RelayError200)) return ErrorBodies.RelayUpstreamError200();
        return Reply.Ok(new JsonObject
        {
            ["object"] = "balance",
            ["total_granted_usd"] = 50.0m,
            ["total_used_usd"] = 12.345m,
            ["total_available_usd"] = 37.655m,
            ["expires_at"] = 1893456000L,
        });
    }
}
