using System;
using System.Collections.Generic;

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
    }
}
