namespace OpenAIBilling.FakeServer;

/// <summary>One source of usage: the dimensions every usage record of subject r carries.</summary>
internal sealed record UsageSubject(
    string Model, Project Project, bool Batch, string ServiceTier, string Size, string Source, string ContextLevel, string VectorStoreId)
{
    public object Field(string name) => name switch
    {
        "model" => Model,
        "project_id" => Project.Id,
        "api_key_id" => Project.ApiKeyId,
        "user_id" => Project.UserId,
        "batch" => Batch,
        "service_tier" => ServiceTier,
        "size" => Size,
        "source" => Source,
        "context_level" => ContextLevel,
        "vector_store_id" => VectorStoreId,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}

/// <summary>
/// The usage formula (README.md): four subjects (2 models × 2 projects); bucket index k = whole widths since
/// 2020-01-01 of the bucket's start; no results when k % 5 == 0; otherwise subject r (1-based) in factor
/// f = 1 + k % 7 gets the endpoint's <see cref="UsageEndpoint.Values"/>(r, f).
/// </summary>
internal static class UsageData
{
    public const string Gpt4o = "gpt-4o-2024-08-06";
    public const string Gpt4oMini = "gpt-4o-mini-2024-07-18";

    public static readonly UsageSubject[] Subjects =
    [
        new(Gpt4o, AdminAccountData.Alpha, false, "default", "1024x1024", "image.generation", "medium", "vs_alpha"),
        new(Gpt4o, AdminAccountData.Beta, false, "default", "1024x1792", "image.edit", "medium", "vs_beta"),
        new(Gpt4oMini, AdminAccountData.Alpha, false, "default", "1024x1024", "image.generation", "low", "vs_alpha"),
        new(Gpt4oMini, AdminAccountData.Beta, true, "flex", "1024x1792", "image.edit", "low", "vs_beta"),
    ];

    /// <summary>Whole widths from 2020-01-01 to t (for days this is the day number n of the costs formula).</summary>
    public static long BucketIndex(long t, long width) => BucketPager.FloorDiv(t - AdminAccountData.EpochSeconds, width);

    /// <summary>(subject, metrics) for bucket index k; empty when k % 5 == 0.</summary>
    public static IEnumerable<(UsageSubject Subject, long[] Metrics)> Records(UsageEndpoint endpoint, long k)
    {
        if (BucketPager.Mod(k, 5) == 0) yield break;
        long f = 1 + BucketPager.Mod(k, 7);
        for (int i = 0; i < Subjects.Length; i++)
            yield return (Subjects[i], endpoint.Values(i + 1, f));
    }
}
