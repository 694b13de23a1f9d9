using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

internal enum AdminEndpoint
{
    SpendLimit,
    Projects,
    ProjectSpendLimit,
    Costs,
    Usage,
    SpendAlerts,
    ProjectSpendAlerts,
}

/// <summary>A matched Admin API path; <see cref="Argument"/> is the project id or the usage endpoint name.</summary>
internal sealed record AdminRoute(AdminEndpoint Endpoint, string? Argument = null);

/// <summary>
/// The "openai" role's Administration API under /v1/organization/: admin keys (sk-admin-) only.
/// </summary>
internal static class AdminApi
{
    private const string Prefix = "/v1/organization/";

    public static AdminRoute? Match(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        string rest = path[Prefix.Length..];
        if (rest == "spend_limit") return new AdminRoute(AdminEndpoint.SpendLimit);
        if (rest == "projects") return new AdminRoute(AdminEndpoint.Projects);
        if (rest == "costs") return new AdminRoute(AdminEndpoint.Costs);
        if (rest == "spend_alerts") return new AdminRoute(AdminEndpoint.SpendAlerts);
        if (rest.StartsWith("usage/", StringComparison.Ordinal))
        {
            string name = rest["usage/".Length..];
            return UsageEndpoints.Find(name) is null ? null : new AdminRoute(AdminEndpoint.Usage, name);
        }
        string[] parts = rest.Split('/');
        if (parts.Length == 3 && parts[0] == "projects" && parts[1].Length > 0 && parts[2] == "spend_limit")
            return new AdminRoute(AdminEndpoint.ProjectSpendLimit, parts[1]);
        if (parts.Length == 3 && parts[0] == "projects" && parts[1].Length > 0 && parts[2] == "spend_alerts")
            return new AdminRoute(AdminEndpoint.ProjectSpendAlerts, parts[1]);
        return null;
    }

    public static Reply Handle(HttpRequest request, AdminRoute route, KeyInfo key)
    {
        if (Authorize(key) is { } refused) return refused;
        return route.Endpoint switch
        {
            AdminEndpoint.SpendLimit => key.Has(KeyInfo.NoLimit)
                ? ErrorBodies.NoSpendLimit()
                : Reply.Ok(AdminAccountData.OrganizationSpendLimit()),
            AdminEndpoint.ProjectSpendLimit => AdminAccountData.ProjectSpendLimit(route.Argument!) is { } limit
                ? Reply.Ok(limit)
                : ErrorBodies.ProjectNotFound(route.Argument!),
            AdminEndpoint.Projects => Reply.Ok(Projects(request)),
            AdminEndpoint.Costs => Reply.Ok(CostsApi.Page(request)),
            AdminEndpoint.SpendAlerts => Reply.Ok(SpendAlertsApi.Page(request, SpendAlertsApi.Organization, "organization.spend_alert")),
            AdminEndpoint.ProjectSpendAlerts => SpendAlertsApi.Projects.TryGetValue(route.Argument!, out var alerts)
                ? Reply.Ok(SpendAlertsApi.Page(request, alerts, "project.spend_alert"))
                : ErrorBodies.ProjectNotFound(route.Argument!),
            _ => Reply.Ok(UsageApi.Page(request, UsageEndpoints.Find(route.Argument!)!)),
        };
    }

    /// <summary>Null when the key may use the Admin API, else the refusal.</summary>
    private static Reply? Authorize(KeyInfo key)
    {
        if (key.Kind == KeyKind.Missing) return ErrorBodies.OpenAIMissingKey();
        if (key.Kind == KeyKind.Other || key.Has(KeyInfo.Invalid)) return ErrorBodies.InvalidApiKey(key.Key!);
        return key.Kind switch
        {
            KeyKind.Admin => null,
            KeyKind.Session => ErrorBodies.InsufficientScopes(403),
            _ => ErrorBodies.InsufficientScopes(401),
        };
    }

    /// <summary>GET /v1/organization/projects?limit=&amp;after= (limit 1–100, default 20).</summary>
    private static JsonObject Projects(HttpRequest request)
    {
        var query = new AdminQuery(request);
        int limit = query.IntInRange("limit", 1, 100, 20);
        string? after = query.Single("after");
        var all = AdminAccountData.Projects;
        int from = 0;
        if (after is not null)
        {
            int index = Array.FindIndex(all, p => p.Id == after);
            if (index < 0) throw new BadRequestException($"Invalid value for 'after': no project '{after}'.", "after");
            from = index + 1;
        }
        var page = all.Skip(from).Take(limit).ToArray();
        var data = new JsonArray();
        foreach (var p in page) data.Add(AdminAccountData.ProjectJson(p));
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["first_id"] = page.Length > 0 ? page[0].Id : null,
            ["last_id"] = page.Length > 0 ? page[^1].Id : null,
            ["has_more"] = from + page.Length < all.Length,
        };
    }
}
