using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>One spend alert of the fake organization or of one of its projects (threshold in cents).</summary>
internal sealed record SpendAlertData(string Id, long ThresholdCents, string[] Recipients);

/// <summary>
/// GET /v1/organization/spend_alerts and /v1/organization/projects/{id}/spend_alerts: the alerts in creation order
/// (not by threshold), paged with limit (0–100, default 20) and after; at most <see cref="MaxPerPage"/> alerts per
/// page whatever the limit, so that every client meets several pages (README.md).
/// </summary>
internal static class SpendAlertsApi
{
    public const int MaxPerPage = 2;

    public static readonly SpendAlertData[] Organization =
    [
        new("alert_org_500", 50000, ["finance@example.com", "ops@example.com"]),
        new("alert_org_5", 500, ["finance@example.com"]),
        new("alert_org_1000", 100000, ["finance@example.com"]),
        new("alert_org_50", 5000, ["ops@example.com"]),
        new("alert_org_20", 2000, []),
    ];

    public static readonly Dictionary<string, SpendAlertData[]> Projects = new(StringComparer.Ordinal)
    {
        ["proj_alpha"] = [new("alert_alpha_80", 8000, ["alpha@example.com"]), new("alert_alpha_2", 200, ["alpha@example.com"])],
        ["proj_beta"] = [new("alert_beta_25", 2500, ["beta@example.com"])],
    };

    /// <summary>The page of <paramref name="alerts"/> the query asks for.</summary>
    public static JsonObject Page(HttpRequest request, SpendAlertData[] alerts, string objectName)
    {
        var query = new AdminQuery(request);
        int limit = query.IntInRange("limit", 0, 100, 20);
        string? after = query.Single("after");
        int from = 0;
        if (after is not null)
        {
            int index = Array.FindIndex(alerts, a => a.Id == after);
            if (index < 0) throw new BadRequestException($"Invalid value for 'after': no spend alert '{after}'.", "after");
            from = index + 1;
        }

        var page = alerts.Skip(from).Take(Math.Min(limit, MaxPerPage)).ToArray();
        var data = new JsonArray();
        foreach (var alert in page) data.Add(Json(alert, objectName));
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["first_id"] = page.Length > 0 ? page[0].Id : null,
            ["last_id"] = page.Length > 0 ? page[^1].Id : null,
            ["has_more"] = from + page.Length < alerts.Length,
        };
    }

    private static JsonObject Json(SpendAlertData alert, string objectName)
    {
        var recipients = new JsonArray();
        foreach (string recipient in alert.Recipients) recipients.Add(recipient);
        return new JsonObject
        {
            ["id"] = alert.Id,
            ["object"] = objectName,
            ["threshold_amount"] = alert.ThresholdCents,
            ["currency"] = "USD",
            ["interval"] = "month",
            ["notification_channel"] = new JsonObject
            {
                ["type"] = "email",
                ["recipients"] = recipients,
                ["subject_prefix"] = "OpenAI spend alert",
            },
        };
    }
}
