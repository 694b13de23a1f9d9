using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// The data behind the legacy endpoints for session keys: a pay-as-you-go account ("paid", the default)
/// and a free "Explore" account ("free"). Usage costs are in cents from a formula of the date (README.md).
/// </summary>
internal static class SessionAccountData
{
    public static readonly DateOnly Epoch = new(2020, 1, 1);

    /// <summary>Like legacy-subscription.sharegpt-readme.json (paid) or legacy-subscription.chattool-test.json (free).</summary>
    public static JsonObject Subscription(bool free) => free
        ? SubscriptionBody(false, 1690848000, 66667, 83334, 83334, 4.00002m, 5.00004m, 5.00004m, "Explore", "free", "Fake Free User", null)
        : SubscriptionBody(true, 1630454400, 1666667, 2000000, 3333333, 100.0m, 120.0m, 200.0m, "Pay-as-you-go", "payg", "Fake Paid Org",
            new JsonObject
            {
                ["city"] = "Penang",
                ["line1"] = "<REDACTED>",
                ["line2"] = null,
                ["country"] = "MY",
                ["postal_code"] = "<REDACTED>",
            });

    private static JsonObject SubscriptionBody(
        bool hasPaymentMethod, long accessUntil, long soft, long hard, long systemHard,
        decimal softUsd, decimal hardUsd, decimal systemHardUsd, string planTitle, string planId, string accountName,
        JsonObject? billingAddress) => new()
    {
        ["object"] = "billing_subscription",
        ["has_payment_method"] = hasPaymentMethod,
        ["canceled"] = false,
        ["canceled_at"] = null,
        ["delinquent"] = null,
        ["access_until"] = accessUntil,
        ["soft_limit"] = soft,
        ["hard_limit"] = hard,
        ["system_hard_limit"] = systemHard,
        ["soft_limit_usd"] = softUsd,
        ["hard_limit_usd"] = hardUsd,
        ["system_hard_limit_usd"] = systemHardUsd,
        ["plan"] = new JsonObject { ["title"] = planTitle, ["id"] = planId },
        ["account_name"] = accountName,
        ["po_number"] = null,
        ["billing_email"] = null,
        ["tax_ids"] = null,
        ["billing_address"] = billingAddress,
        ["business_address"] = null,
    };

    /// <summary>Line items of one day, in cents. n = days since 2020-01-01; free = the same divided by 10.</summary>
    public static (string Name, decimal Cents)[] LineItems(DateOnly day, bool free)
    {
        int n = day.DayNumber - Epoch.DayNumber;
        int m10 = ((n % 10) + 10) % 10, m3 = ((n % 3) + 3) % 3, m4 = ((n % 4) + 4) % 4;
        decimal divisor = free ? 10m : 1m;
        return
        [
            ("Chat models", m10 * 12.5m / divisor),
            ("GPT-4", (m3 == 0 ? 250.0m : 0.0m) / divisor),
            ("Embedding models", 0.5m * m4 / divisor),
            ("Image models", 0.0m),
        ];
    }

    /// <summary>Like legacy-usage.chattool-test.json: one daily_costs entry per day in [start, endExclusive).</summary>
    public static JsonObject Usage(DateOnly start, DateOnly endExclusive, bool free)
    {
        var days = new JsonArray();
        decimal total = 0.0m;
        for (DateOnly day = start; day < endExclusive; day = day.AddDays(1))
        {
            var items = new JsonArray();
            foreach ((string name, decimal cents) in LineItems(day, free))
            {
                items.Add(new JsonObject { ["name"] = name, ["cost"] = Decimals.Normalize(cents, minScale: 1) });
                total += cents;
            }
            long midnight = (day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 86400L;
            days.Add(new JsonObject
            {
                ["timestamp"] = midnight + 0.0m, // a float like 1681171200.0, as the real endpoint sends
                ["line_items"] = items,
            });
        }
        return new JsonObject
        {
            ["object"] = "list",
            ["daily_costs"] = days,
            ["total_usage"] = Decimals.Normalize(total, minScale: 1),
        };
    }

    /// <summary>paid: two grants (one float, one integer timestamp pair); free: the empty credit-grants.lmmsoft-blog-empty.json.</summary>
    public static JsonObject CreditGrants(bool free)
    {
        if (free)
        {
            return new JsonObject
            {
                ["object"] = "credit_summary",
                ["total_granted"] = 0.0m,
                ["total_used"] = 0.0m,
                ["total_available"] = 0.0m,
                ["grants"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray() },
            };
        }
        return new JsonObject
        {
            ["object"] = "credit_summary",
            ["total_granted"] = 23.0m,
            ["total_used"] = 10.25m,
            ["total_available"] = 12.75m,
            ["grants"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray
                {
                    Grant("5a3c1e2f-8b7d-4c6a-9e1f-0d2b3c4a5e6f", 18.0m, 5.25m, 1767225600.0m, 1798761600.0m),
                    Grant("0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f", 5.0m, 5.0m, 1735689600m, 1782864000m),
                },
            },
        };
    }

    private static JsonObject Grant(string id, decimal amount, decimal used, decimal effectiveAt, decimal expiresAt) => new()
    {
        ["object"] = "credit_grant",
        ["id"] = id,
        ["grant_amount"] = amount,
        ["used_amount"] = used,
        ["effective_at"] = effectiveAt,
        ["expires_at"] = expiresAt,
    };
}
