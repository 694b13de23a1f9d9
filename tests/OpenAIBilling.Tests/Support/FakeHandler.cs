using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>
    /// An in-memory server for client tests: routes by path (the longest matching prefix wins), answers with
    /// canned bodies, and records every request (URI and whether it carried the key).
    /// </summary>
    internal sealed class FakeHandler : HttpMessageHandler
    {
        private readonly List<(string Prefix, Func<HttpRequestMessage, HttpResponseMessage> Reply)> _routes = new();

        public ConcurrentQueue<(Uri Uri, bool HasAuthorization)> Requests { get; } = new();

        /// <summary>Every request's headers (names in lower case), in the order sent.</summary>
        public ConcurrentQueue<(Uri Uri, Dictionary<string, string> Headers)> Sent { get; } = new();

        public FakeHandler On(string pathPrefix, Func<HttpRequestMessage, HttpResponseMessage> reply)
        {
            _routes.Add((pathPrefix, reply));
            return this;
        }

        public FakeHandler On(string pathPrefix, int status, string body, params (string Name, string Value)[] headers) =>
            On(pathPrefix, _ => Reply(status, body, headers));

        public int Count(string pathPrefix) => Requests.Count(r => r.Uri.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

        public IEnumerable<Uri> Uris(string pathPrefix) => Requests.Where(r => r.Uri.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal)).Select(r => r.Uri);

        public static HttpResponseMessage Reply(int status, string body, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue((request.RequestUri!, request.Headers.Authorization != null));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value);
            }

            Sent.Enqueue((request.RequestUri!, headers));
            string path = request.RequestUri!.PathAndQuery;
            var route = _routes
                .Where(r => path.StartsWith(r.Prefix, StringComparison.Ordinal))
                .OrderByDescending(r => r.Prefix.Length)
                .Select(r => r.Reply)
                .FirstOrDefault();
            var response = route != null
                ? route(request)
                : Reply(404, "{\"error\":{\"message\":\"Invalid URL (GET " + request.RequestUri.AbsolutePath + ")\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
            response.RequestMessage = request;

            // A real handler always sets Content; a new HttpResponseMessage has none on .NET Framework (and an empty
            // one on .NET), so a reply built without a body gets an empty one here, as on the wire.
            response.Content ??= new ByteArrayContent(Array.Empty<byte>());
            return Task.FromResult(response);
        }
    }
}
