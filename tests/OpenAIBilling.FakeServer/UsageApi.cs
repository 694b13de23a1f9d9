using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// GET /v1/organization/usage/{endpoint}: bucket_width 1m|1h|1d (default 1d) with limit max 1440/168/31 and
/// default 60/24/7, group_by limited to the endpoint's fields, array filters for the endpoint's fields
/// (project_ids, user_ids, api_key_ids, models, sizes, sources, context_levels, vector_store_ids) and batch
/// (completions). Group fields not grouped by are null.
/// </summary>
internal static class UsageApi
{
    private sealed record Width(string Name, long Seconds, int MaxLimit, int DefaultLimit);

    private static readonly Width[] Widths =
    [
        new("1m", BucketPager.Minute, 1440, 60),
        new("1h", BucketPager.Hour, 168, 24),
        new("1d", BucketPager.Day, 31, 7),
    ];

    public static JsonObject Page(HttpRequest request, UsageEndpoint endpoint)
    {
        var query = new AdminQuery(request);
        string widthName = query.Single("bucket_width") ?? "1d";
        Width width = Widths.FirstOrDefault(w => w.Name == widthName)
            ?? throw new BadRequestException($"Invalid value for 'bucket_width': '{widthName}'. Supported values are: 1m, 1h, 1d.", "bucket_width");
        int limit = query.IntInRange("limit", 1, width.MaxLimit, width.DefaultLimit);
        IReadOnlyList<string> groupBy = query.GroupBy(endpoint.GroupFields);
        var filters = Filters(query, endpoint);

        BucketPage page = BucketPager.Read(query, $"usage/{endpoint.Name}|{width.Name}", width.Seconds, limit);
        return page.ToJson(bucket => Results(endpoint, UsageData.BucketIndex(bucket.Start, width.Seconds), groupBy, filters));
    }

    /// <summary>(field, accepted values) pairs; a record passes when its field value is among them.</summary>
    private static List<(string Field, HashSet<string> Values)> Filters(AdminQuery query, UsageEndpoint endpoint)
    {
        var filters = new List<(string, HashSet<string>)>();
        foreach (string field in endpoint.GroupFields)
        {
            if (UsageEndpoints.FilterParam(field) is not { } param) continue;
            var values = query.Array(param);
            if (values.Count > 0) filters.Add((field, new HashSet<string>(values, StringComparer.Ordinal)));
        }
        if (endpoint.Has("batch") && query.OptionalBool("batch") is { } batch)
            filters.Add(("batch", [batch ? "true" : "false"]));
        return filters;
    }

    private static JsonArray Results(UsageEndpoint endpoint, long k, IReadOnlyList<string> groupBy, List<(string Field, HashSet<string> Values)> filters)
    {
        var sums = new SortedDictionary<string, (UsageSubject First, long[] Totals)>(StringComparer.Ordinal);
        foreach ((UsageSubject subject, long[] metrics) in UsageData.Records(endpoint, k))
        {
            if (!filters.All(f => f.Values.Contains(Text(subject.Field(f.Field))))) continue;
            string groupKey = string.Join("\u001f", groupBy.Select(g => Text(subject.Field(g))));
            if (sums.TryGetValue(groupKey, out var entry))
            {
                for (int i = 0; i < metrics.Length; i++) entry.Totals[i] += metrics[i];
            }
            else
            {
                sums[groupKey] = (subject, (long[])metrics.Clone());
            }
        }

        var results = new JsonArray();
        foreach ((UsageSubject first, long[] totals) in sums.Values)
        {
            var result = new JsonObject { ["object"] = endpoint.ObjectName };
            for (int i = 0; i < endpoint.Metrics.Length; i++) result[endpoint.Metrics[i]] = totals[i];
            foreach (string field in endpoint.GroupFields)
                result[field] = groupBy.Contains(field) ? JsonValueOf(first.Field(field)) : null;
            results.Add(result);
        }
        return results;
    }

    private static string Text(object value) => value is bool b ? (b ? "true" : "false") : (string)value;

    private static JsonNode JsonValueOf(object value) => value is bool b ? JsonValue.Create(b) : JsonValue.Create((string)value)!;
}
