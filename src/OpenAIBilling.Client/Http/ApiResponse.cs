using System;
using System.Collections.Generic;
using System.Text;

namespace OpenAIBilling.Http
{
    /// <summary>A whole HTTP answer: status, the headers the client reads, and the body (at most 64 MB).</summary>
    public sealed class ApiResponse
    {
        public ApiResponse(int statusCode, byte[] body, IReadOnlyDictionary<string, string> headers, Uri requestUri)
        {
            StatusCode = statusCode;
            Body = body;
            Headers = headers;
            RequestUri = requestUri;
        }

        public int StatusCode { get; }

        public byte[] Body { get; }

        /// <summary>Header names in lower case; repeated headers joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public Uri RequestUri { get; }

        public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;

        public string? RequestId => Header("x-request-id");

        public string? Header(string lowerCaseName) => Headers.TryGetValue(lowerCaseName, out var value) ? value : null;

        /// <summary>The start of the body as text, for messages (never the whole of a large body).</summary>
        public string BodyPreview(int maxChars = 300)
        {
            int length = Math.Min(Body.Length, maxChars * 4);
            string text = Encoding.UTF8.GetString(Body, 0, length);
            return text.Length > maxChars ? text.Substring(0, maxChars) + "…" : text;
        }
    }
}
