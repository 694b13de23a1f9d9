namespace OpenAIBilling.FakeServer;

/// <summary>
/// One /v1/organization/usage/{name} endpoint: its result object name, metric fields (in the order the
/// OpenAPI examples write them, tests/fixtures/SOURCES.md), group fields (= the allowed group_by values, in result order) and the
/// formula for the metrics of subject r in bucket k (see <see cref="UsageData"/>).
/// </summary>
internal sealed record UsageEndpoint(string Name, string ObjectName, string[] Metrics, string[] GroupFields, Func<int, long, long[]> Values)
{
    public bool Has(string field) => GroupFields.Contains(field);
}

/// <summary>The ten usage endpoints and what each allows (docs/DESIGN.md, "Sources and the Auto rules").</summary>
internal static class UsageEndpoints
{
    private static readonly string[] Basic = ["project_id", "user_id", "api_key_id", "model"];

    public static readonly UsageEndpoint[] All =
    [
        new("completions", "organization.usage.completions.result",
            ["input_tokens", "input_cached_tokens", "input_cache_write_tokens", "input_uncached_tokens", "output_tokens",
             "input_text_tokens", "output_text_tokens", "input_cached_text_tokens", "input_audio_tokens",
             "input_cached_audio_tokens", "output_audio_tokens", "input_image_tokens", "input_cached_image_tokens",
             "output_image_tokens", "num_model_requests"],
            [.. Basic, "batch", "service_tier"],
            (r, f) => [1000 * r * f, 250 * r * f, 50 * r * f, 700 * r * f, 400 * r * f,
                       1000 * r * f, 400 * r * f, 250 * r * f, 0, 0, 0, 0, 0, 0, 5 * r]),
        new("embeddings", "organization.usage.embeddings.result", ["input_tokens", "num_model_requests"], Basic,
            (r, f) => [16 * r * f, 2 * r]),
        new("moderations", "organization.usage.moderations.result", ["input_tokens", "num_model_requests"], Basic,
            (r, f) => [8 * r * f, r]),
        new("images", "organization.usage.images.result", ["images", "num_model_requests"], ["size", "source", .. Basic],
            (r, f) => [2 * r * f, r * f]),
        new("audio_speeches", "organization.usage.audio_speeches.result", ["characters", "num_model_requests"], Basic,
            (r, f) => [45 * r * f, r]),
        new("audio_transcriptions", "organization.usage.audio_transcriptions.result", ["seconds", "num_model_requests"], Basic,
            (r, f) => [20 * r * f, r]),
        new("vector_stores", "organization.usage.vector_stores.result", ["usage_bytes"], ["project_id"],
            (r, f) => [1048576 * r * f]),
        new("code_interpreter_sessions", "organization.usage.code_interpreter_sessions.result", ["num_sessions"], ["project_id"],
            (r, f) => [r * f]),
        new("file_search_calls", "organization.usage.file_searches.result", ["num_requests"],
            ["project_id", "user_id", "api_key_id", "vector_store_id"],
            (r, f) => [2 * r * f]),
        new("web_search_calls", "organization.usage.web_searches.result", ["num_model_requests", "num_requests"],
            [.. Basic, "context_level"],
            (r, f) => [r * f, 2 * r * f]),
    ];

    public static UsageEndpoint? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The array filter parameter for a group field (project_id → project_ids), or null (batch, service_tier).</summary>
    public static string? FilterParam(string field) => field switch
    {
        "batch" or "service_tier" => null,
        _ => field + "s",
    };
}
