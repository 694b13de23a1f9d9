using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>One project of the fake organization; each project has exactly one API key and one user.</summary>
internal sealed record Project(string Id, string Name, long CreatedAt, string ApiKeyId, string UserId, long SpendLimitCents, string Enforcement);

/// <summary>One cost line of one day before grouping: quantity × unit price = amount (USD).</summary>
internal sealed record CostLine(string LineItem, string ProjectId, string ApiKeyId, long Quantity, string QuantityUnit, decimal AmountUsd);

/// <summary>
/// The fake organization behind the Admin API: spend limits, projects and the daily cost formula (README.md).
/// </summary>
internal static class AdminAccountData
{
    /// <summary>2020-01-01T00:00:00Z; day n of the formulas counts UTC days from here.</summary>
    public const long EpochSeconds = 1577836800;

    public const string GptInput = "gpt-4o-2024-08-06, input";
    public const string GptOutput = "gpt-4o-2024-08-06, output";
    public const string DallE = "dall-e 3, standard, 1024x1024";

    public const decimal InputUsdPerToken = 0.0000025m;   // $2.50 / 1M
    public const decimal OutputUsdPerToken = 0.00001m;    // $10 / 1M
    public const decimal DallEUsdPerImage = 0.04m;

    public static readonly Project Alpha = new("proj_alpha", "Alpha", 1711471533, "key_alpha1", "user_alpha", 10000, "enforcing");
    public static readonly Project Beta = new("proj_beta", "Beta", 1711471534, "key_beta1", "user_beta", 2500, "inactive");
    public static readonly Project[] Projects = [Alpha, Beta];

    public const long OrganizationSpendLimitCents = 50000;

    public static JsonObject OrganizationSpendLimit() => SpendLimit("organization.spend_limit", OrganizationSpendLimitCents, "enforcing");

    public static JsonObject? ProjectSpendLimit(string projectId) =>
        Projects.FirstOrDefault(p => p.Id == projectId) is { } p ? SpendLimit("project.spend_limit", p.SpendLimitCents, p.Enforcement) : null;

    private static JsonObject SpendLimit(string objectName, long cents, string status) => new()
    {
        ["object"] = objectName,
        ["threshold_amount"] = cents,
        ["currency"] = "USD",
        ["interval"] = "month",
        ["enforcement"] = new JsonObject { ["status"] = status },
    };

    public static JsonObject ProjectJson(Project p) => new()
    {
        ["id"] = p.Id,
        ["object"] = "organization.project",
        ["name"] = p.Name,
        ["created_at"] = p.CreatedAt,
        ["archived_at"] = null,
        ["status"] = "active",
    };

    /// <summary>Day number n (UTC days since 2020-01-01) of the day containing t.</summary>
    public static long DayNumber(long unixSeconds) => BucketPager.FloorDiv(unixSeconds - EpochSeconds, BucketPager.Day);

    /// <summary>The non-zero cost lines of day n; none at all when n % 5 == 0.</summary>
    public static IReadOnlyList<CostLine> CostsOfDay(long n)
    {
        if (BucketPager.Mod(n, 5) == 0) return [];
        long m2 = BucketPager.Mod(n, 2), m3 = BucketPager.Mod(n, 3), m4 = BucketPager.Mod(n, 4), m7 = BucketPager.Mod(n, 7);
        var lines = new List<CostLine>(6);
        Add(lines, GptInput, Alpha, 49382 * (1 + m7), "tokens", InputUsdPerToken);
        Add(lines, GptOutput, Alpha, 23457 * (1 + m3), "tokens", OutputUsdPerToken);
        Add(lines, DallE, Alpha, m3, "images", DallEUsdPerImage);
        Add(lines, GptInput, Beta, 4042 * (1 + m4), "tokens", InputUsdPerToken);
        Add(lines, GptOutput, Beta, 33333 * (1 + m2), "tokens", OutputUsdPerToken);
        Add(lines, DallE, Beta, m4 == 1 ? 3 : 0, "images", DallEUsdPerImage);
        return lines;
    }

    private static void Add(List<CostLine> lines, string lineItem, Project project, long quantity, string unit, decimal unitPrice)
    {
        if (quantity == 0) return;
        lines.Add(new CostLine(lineItem, project.Id, project.ApiKeyId, quantity, unit, Decimals.Normalize(quantity * unitPrice)));
    }
}
