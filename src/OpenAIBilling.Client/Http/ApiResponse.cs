using System;
using System.Collections.Generic;

namespace OpenAIBilling.Http
{
    /// <summary>A whole HTTP answer: status, the headers the client reads, and the body (at most 64 MB).</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(int statusCode, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers, Uri requestUri)
        {
            StatusCode = statusCode;
            Body = body;
            Headers = headers;
            RequestUri = requestUri;
        }

        public int StatusCode { get; }

        /// <summary>The bytes read (a UTF-8 byte order mark skipped), not a copy.</summary>
        public ReadOnlyMemory<byte> Body { get; }

        /// <summary>Header names in lower case; repeated headers joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public Uri RequestUri { get; }

        /// <summary>How many attempts the retry loop made before this answer (1 when it came at once).</summary>
        public int Attempts { get; internal set; } = 1;

        public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;

        public string? RequestId => Header("x-request-id");

        public string? Header(string lowerCaseName) => Headers.TryGetValue(lowerCaseName, out var value) ? value : null;
    }
}
