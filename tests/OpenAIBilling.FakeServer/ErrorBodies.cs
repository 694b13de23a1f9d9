using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>Every error body the server sends, shaped like the real ones in tests/fixtures.</summary>
internal static class ErrorBodies
{
    private static long _requestCounter;

    /// <summary>The OpenAI envelope: all four keys always present.</summary>
    public static JsonObject OpenAI(string message, string type, string? param = null, string? code = null) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["param"] = param,
            ["code"] = code,
        },
    };

    /// <summary>404 for unknown paths on every role (and /v1/balances on openai and relay).</summary>
    public static Reply InvalidUrl(string method, string path) =>
        new(404, OpenAI($"Invalid URL ({method} {path})", "invalid_request_error"));

    public static Reply OpenAIMissingKey() => new(401, OpenAI(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth " +
        "(i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API " +
        "from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        "invalid_request_error"));

    /// <summary>Shape of error.invalid-api-key.chatanywhere-issue62.json; the key masked as OpenAI does.</summary>
    public static Reply InvalidApiKey(string key) => new(401, OpenAI(
        $"Incorrect API key provided: {Mask(key)}. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error", code: "invalid_api_key"));

    /// <summary>First 8 characters, one asterisk per hidden character, last 4 (all asterisks when 12 or shorter).</summary>
    public static string Mask(string key) =>
        key.Length > 12 ? key[..8] + new string('*', key.Length - 12) + key[^4..] : new string('*', key.Length);

    /// <summary>Shape of error.session-key-required-*.json, naming the path actually requested.</summary>
    public static Reply SessionKeyRequired(string method, string path, string keyType) => new(403, OpenAI(
        $"Your request to {method} {path} must be made with a session key (that is, it can only be made from the browser). " +
        $"You made it with the following key type: {keyType}.",
        "server_error"));

    public const string InsufficientScopesMessage =
        "You have insufficient permissions for this operation. Missing scopes: api.usage.read. Check that you have the correct " +
        "role in your organization (Owner), and if you're using a restricted API key, that it has the necessary scopes.";

    /// <summary>A non-admin key on /v1/organization/*: 401 for sk- keys, 403 for sess- keys.</summary>
    public static Reply InsufficientScopes(int status) => new(status, OpenAI(InsufficientScopesMessage, "invalid_request_error"));

    /// <summary>Exactly error.usage-over-100-days.one-api-issue138.json.</summary>
    public static Reply UsageOver100Days() => new(400, OpenAI(
        "You can only request a maximum of 100 days per request", "invalid_request_error"));

    public static Reply BadRequest(string message, string? param) => new(400, OpenAI(message, "invalid_request_error", param));

    public static Reply NoSpendLimit() => new(404, OpenAI(
        "No spend limit is set for this organization.", "invalid_request_error", code: "not_found"));

    public static Reply ProjectNotFound(string id) => new(404, OpenAI(
        $"Project not found: {id}", "invalid_request_error", code: "not_found"));

    /// <summary>one-api middleware failure: only message and type; message ends with "(request id: …)".</summary>
    public static Reply OneApi(int status, string message) => new(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = $"{message} (request id: {RelayRequestId()})",
            ["type"] = "one_api_error",
        },
    });

    public static Reply RelayMissingKey() => OneApi(401, "未提供令牌");

    public static Reply RelayExhausted() => OneApi(401, "该令牌额度已用尽");

    /// <summary>one-api echoes the whole key here; the client must redact it.</summary>
    public static Reply RelayInvalidToken(string key) => OneApi(401, $"无效的令牌 {key}");

    /// <summary>one-api's billing controller: an error envelope with HTTP 200.</summary>
    public static Reply RelayUpstreamError200() => new(200, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = "当前分组上游负载已饱和，请稍后再试",
            ["type"] = "upstream_error",
            ["param"] = "",
            ["code"] = null,
        },
    });

    /// <summary>one-api style: yyyyMMddHHmmss (UTC) + 8 digits.</summary>
    public static string RelayRequestId()
    {
        long n = Interlocked.Increment(ref _requestCounter) % 100_000_000;
        return DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + n.ToString("D8", CultureInfo.InvariantCulture);
    }

    /// <summary>OpenAI style x-request-id header value.</summary>
    public static string OpenAIRequestId() =>
        "req_" + Interlocked.Increment(ref _requestCounter).ToString("x32", CultureInfo.InvariantCulture);
}
