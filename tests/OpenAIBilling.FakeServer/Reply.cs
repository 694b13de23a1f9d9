using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>A JSON answer: status and body. Handlers return one; the dispatcher writes it.</summary>
internal sealed record Reply(int Status, JsonNode Body)
{
    /// <summary>Non-ASCII written raw (as Go relays do), not as \u escapes.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public const string JsonContentType = "application/json; charset=utf-8";

    public static Reply Ok(JsonNode body) => new(StatusCodes.Status200OK, body);

    public byte[] ToUtf8() => Utf8(Body);

    public static byte[] Utf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    public async Task WriteAsync(HttpResponse response)
    {
        byte[] bytes = ToUtf8();
        response.StatusCode = Status;
        response.ContentType = JsonContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, response.HttpContext.RequestAborted);
    }
}

/// <summary>Thrown by query parsing: becomes HTTP 400 with an invalid_request_error naming the parameter.</summary>
internal sealed class BadRequestException(string message, string? param) : Exception(message)
{
    public string? Param { get; } = param;
}
