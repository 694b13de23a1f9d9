namespace OpenAIBilling.FakeServer;

/// <summary>The "openai" role: routes to the legacy dashboard paths or the Admin API; anything else is 404.</summary>
internal static class OpenAIHost
{
    public static Reply Handle(HttpRequest request, string path, KeyInfo key)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            if (LegacyBilling.Match(path, allowV1: true, allowBare: true) is { } legacy)
                return LegacyBilling.Handle(request, path, legacy, key);
            if (AdminApi.Match(path) is { } admin)
                return AdminApi.Handle(request, admin, key);
        }
        return ErrorBodies.InvalidUrl(request.Method, path);
    }

    /// <summary>Whether a GET of the path gets an answer other than 404 "Invalid URL" (faults act only on these).</summary>
    public static bool Serves(string path) =>
        LegacyBilling.Match(path, allowV1: true, allowBare: true) is not null || AdminApi.Match(path) is not null;
}
