using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// GET /v1/organization/costs: bucket_width 1d only, limit 1–180 (default 7), group_by project_id/line_item/api_key_id,
/// filters project_ids/api_key_ids. A bucket carries the whole cost of the UTC day it starts in.
/// </summary>
internal static class CostsApi
{
    public const int MaxLimit = 180, DefaultLimit = 7;

    private static readonly string[] Groupable = ["project_id", "line_item", "api_key_id"];

    public static JsonObject Page(HttpRequest request)
    {
        var query = new AdminQuery(request);
        string width = query.Single("bucket_width") ?? "1d";
        if (width != "1d")
            throw new BadRequestException($"Invalid value for 'bucket_width': '{width}'. Costs support only '1d'.", "bucket_width");
        int limit = query.IntInRange("limit", 1, MaxLimit, DefaultLimit);
        IReadOnlyList<string> groupBy = query.GroupBy(Groupable);
        IReadOnlyList<string> projects = query.Array("project_ids");
        IReadOnlyList<string> keys = query.Array("api_key_ids");

        BucketPage page = BucketPager.Read(query, "costs|1d", BucketPager.Day, limit);
        bool byLine = groupBy.Contains("line_item"), byProject = groupBy.Contains("project_id"), byKey = groupBy.Contains("api_key_id");

        return page.ToJson(bucket =>
        {
            var lines = AdminAccountData.CostsOfDay(AdminAccountData.DayNumber(bucket.Start))
                .Where(l => (projects.Count == 0 || projects.Contains(l.ProjectId)) && (keys.Count == 0 || keys.Contains(l.ApiKeyId)));
            var results = new JsonArray();
            var groups = lines
                .GroupBy(l => (Line: byLine ? l.LineItem : null, Project: byProject ? l.ProjectId : null, Key: byKey ? l.ApiKeyId : null))
                .OrderBy(g => g.Key.Line, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Project, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Key, StringComparer.Ordinal);
            foreach (var g in groups)
            {
                decimal amount = g.Sum(l => l.AmountUsd);
                if (amount == 0) continue;
                results.Add(new JsonObject
                {
                    ["object"] = "organization.costs.result",
                    ["amount"] = new JsonObject { ["value"] = Decimals.Normalize(amount), ["currency"] = "usd" },
                    ["line_item"] = g.Key.Line,
                    ["project_id"] = g.Key.Project,
                    ["api_key_id"] = g.Key.Key,
                    ["quantity"] = byLine ? g.Sum(l => l.Quantity) : null,
                    ["quantity_unit"] = byLine ? g.First().QuantityUnit : null,
                });
            }
            return results;
        });
    }
}
