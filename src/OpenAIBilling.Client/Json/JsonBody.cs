using System;
using System.Text.Json;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Json
{
    /// <summary>Opens a response body as JSON; anything that is not JSON is <c>InvalidResponse</c>.</summary>
    internal static class JsonBody
    {
        public static readonly JsonDocumentOptions Options = new JsonDocumentOptions
        {
            MaxDepth = 64,
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
        };

        public static JsonDocument Parse(ApiResponse response, string what)
        {
            try
            {
                return JsonDocument.Parse(response.Body, Options);
            }
            catch (JsonException ex)
            {
                throw InvalidShape(response, what, "it is not valid JSON (" + ShortReason(ex) + ")", ex);
            }
            catch (ArgumentException ex)
            {
                throw InvalidShape(response, what, "it is not valid UTF-8 JSON (" + ex.GetType().Name + ")");
            }
        }

        /// <summary>Reads <paramref name="read"/> from the body, turning any shape surprise into <c>InvalidResponse</c>.</summary>
        public static T Read<T>(ApiResponse response, string what, Func<JsonElement, T> read)
        {
            using var document = Parse(response, what);
            try
            {
                return read(document.RootElement);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is FormatException || ex is OverflowException
                                        || ex is BodyShapeException || ex is ArgumentException)
            {
                throw InvalidShape(response, what, ex.Message);
            }
        }

        /// <summary>
        /// The error for a body of the wrong shape; when the body is not JSON at all, the parser's error is its inner
        /// exception, so callers can tell the two cases apart.
        /// </summary>
        public static BillingException InvalidShape(ApiResponse response, string what, string reason, JsonException? notJson = null)
        {
            string contentType = SecretRedactor.Redact(response.Header("content-type") ?? "no content type", null);
            return new BillingException(BillingErrorId.InvalidResponse,
                    $"The answer from {SecretRedactor.Redact(response.RequestUri.GetLeftPart(UriPartial.Path), null)} is not a {what}: {reason} (HTTP {response.StatusCode}, {contentType}, {response.Body.Length} bytes).",
                    Advice.Of(AdviceKind.AnswerNotJson), notJson)
                .WithResponse(response.StatusCode, null, null, response.RequestId);
        }

        private static string ShortReason(JsonException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }
    }

    /// <summary>Thrown by parsers when a required part of a body is missing or of the wrong kind.</summary>
    internal sealed class BodyShapeException : Exception
    {
        public BodyShapeException(string message) : base(message) { }
    }
}
