using System.Globalization;

namespace OpenAIBilling.FakeServer;

/// <summary>The three undocumented dashboard endpoints.</summary>
internal enum LegacyPath
{
    Subscription,
    Usage,
    CreditGrants,
}

/// <summary>
/// The "openai" role's legacy <c>/v1/dashboard/billing/*</c> and <c>/dashboard/billing/*</c>: session keys get
/// data, sk- keys get the 403 "must be made with a session key", the <c>invalid</c> marker gets 401.
/// </summary>
internal static class LegacyBilling
{
    public const int MaxUsageDays = 100;

    /// <summary>Which legacy endpoint a path is, if any, for the path families the host serves.</summary>
    public static LegacyPath? Match(string path, bool allowV1, bool allowBare)
    {
        string rest;
        if (allowV1 && path.StartsWith("/v1/dashboard/billing/", StringComparison.Ordinal)) rest = path["/v1/dashboard/billing/".Length..];
        else if (allowBare && path.StartsWith("/dashboard/billing/", StringComparison.Ordinal)) rest = path["/dashboard/billing/".Length..];
        else return null;
        return rest switch
        {
            "subscription" => LegacyPath.Subscription,
            "usage" => LegacyPath.Usage,
            "credit_grants" => LegacyPath.CreditGrants,
            _ => null,
        };
    }

    public static Reply Handle(HttpRequest request, string path, LegacyPath endpoint, KeyInfo key)
    {
        switch (key.Kind)
        {
            case KeyKind.Missing:
                return ErrorBodies.OpenAIMissingKey();
            case KeyKind.Other:
                return ErrorBodies.InvalidApiKey(key.Key!);
        }
        if (key.Has(KeyInfo.Invalid)) return ErrorBodies.InvalidApiKey(key.Key!);
        if (key.Kind != KeyKind.Session) return ErrorBodies.SessionKeyRequired(request.Method, path, key.OpenAIKeyType);

        bool free = key.Has(KeyInfo.Free);
        return endpoint switch
        {
            LegacyPath.Subscription => Reply.Ok(SessionAccountData.Subscription(free)),
            LegacyPath.CreditGrants => Reply.Ok(SessionAccountData.CreditGrants(free)),
            _ => Usage(request, free),
        };
    }

    private static Reply Usage(HttpRequest request, bool free)
    {
        DateOnly start = Date(request, "start_date");
        DateOnly end = Date(request, "end_date");
        int days = end.DayNumber - start.DayNumber;
        if (days > MaxUsageDays) return ErrorBodies.UsageOver100Days();
        if (days <= 0) return ErrorBodies.BadRequest("end_date must be after start_date (end_date is exclusive).", "end_date");
        return Reply.Ok(SessionAccountData.Usage(start, end, free));
    }

    private static DateOnly Date(HttpRequest request, string name)
    {
        string? text = request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
            throw new BadRequestException($"Missing query parameter '{name}' (format YYYY-MM-DD).", name);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            throw new BadRequestException($"Invalid value for '{name}': '{text}' is not a date in the format YYYY-MM-DD.", name);
        return date;
    }
}
