using System;
using System.Text.Json;
using OpenAIBilling.Json;

namespace OpenAIBilling.Responses
{
    /// <summary>
    /// The <c>{"error":{"message","type","param","code"}}</c> envelope OpenAI and relays answer with
    /// (relays drop fields, and some send it with HTTP 200).
    /// </summary>
    internal sealed class ErrorEnvelope
    {
        private ErrorEnvelope(string message, string? type, string? code)
        {
            Message = message;
            Type = type;
            Code = code;
        }

        public string Message { get; }

        public string? Type { get; }

        public string? Code { get; }

        /// <summary>Reads the envelope from a body; null when the body is not JSON or has no error object.</summary>
        public static ErrorEnvelope? TryParse(ReadOnlyMemory<byte> body)
        {
            if (body.Length == 0)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(body, JsonBody.Options);
                return From(document.RootElement);
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // Not JSON, or JSON whose names cannot be read (a lone surrogate escape): not an error envelope.
                return null;
            }
        }

        public static ErrorEnvelope? From(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error))
            {
                return null;
            }

            if (error.ValueKind == JsonValueKind.String)
            {
                return new ErrorEnvelope(JsonRead.AsString(error), null, null);
            }

            if (error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new ErrorEnvelope(
                JsonRead.String(error, "message") ?? string.Empty,
                JsonRead.String(error, "type"),
                JsonRead.String(error, "code"));
        }

        public bool IsInsufficientQuota => Type == "insufficient_quota" || Code == "insufficient_quota";
    }
}
