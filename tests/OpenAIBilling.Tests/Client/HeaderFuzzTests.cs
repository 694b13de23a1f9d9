using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Keys;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>
    /// Fuzzes the headers a client reads (retry delays, x-should-retry, x-request-id, Content-Type, Location,
    /// Content-Length) with a fixed seed, on every status the client treats specially: each case ends in an answer or
    /// an OpenAIBilling error whose text carries no control character and no piece of the key.
    /// </summary>
    public class HeaderFuzzTests
    {
        private const string Key = "sk-relaytoken000000000000001234";
        private const int Cases = 2000;
        private static readonly int[] Statuses = { 200, 301, 302, 303, 307, 308, 400, 401, 403, 404, 408, 409, 429, 500, 502, 503 };
        private static readonly string[] Names = { "Retry-After", "retry-after-ms", "x-should-retry", "x-request-id", "Content-Type", "Location", "Content-Length" };

        private static readonly string[] Seeds =
        {
            "", " ", "0", "-1", "1e400", "Infinity", "-Infinity", "NaN", "1e15", "99999999999999999999", "0x10", "1,5", "١٢", "10",
            "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "true", "false", "TRUE",
            "text/html", "application/json; charset=utf-16", "application/json; charset=nonsense", "\u001b]0;t\u0007", "\u001b[2J",
            "file:///etc/passwd", "ftp://x/", "data:,{}", "javascript:alert(1)", "//elsewhere.example/x", "/relative", "../up", "http://[::1",
            "https://u:p@relay.example/x", "http://127.0.0.1:9/x", "https://" + new string('a', 300) + ".example/", Key, "req_" + Key.Substring(5, 12),
            "\u202Eevil", "\u0000", "é", "\uFFFD", new string('x', 10000),
        };

        [Fact]
        public async Task Two_thousand_fuzzed_header_sets_end_in_an_answer_or_a_clean_OpenAIBilling_error()
        {
            var random = new Random(20261201);
            var key = ApiKey.Parse(Key);
            for (int i = 0; i < Cases; i++)
            {
                int status = Statuses[random.Next(Statuses.Length)];
                var headers = Enumerable.Range(0, 1 + random.Next(4))
                    .Select(_ => (Names[random.Next(Names.Length)], Mutate(Seeds[random.Next(Seeds.Length)], random)))
                    .ToArray();
                var handler = new FakeHandler()
                    .On("/", _ => Reply(status, headers, random.Next(3)))
                    .On("/v1/dashboard/billing/usage", 200, Fixtures.Text("legacy-usage.one-api-relay.json"));
                try
                {
                    await BalanceQuery.GetAsync(TestCalls.Create(Key, TestCalls.NewRelay(), handler), BalanceSource.Subscription, DateTime.UtcNow.Date);
                }
                catch (BillingException ex)
                {
                    var shown = ex.Redacted(key);
                    foreach (string? text in new[] { shown.Message, shown.RecommendedAction, shown.ErrorType, shown.ErrorCode, shown.RequestId })
                    {
                        Assert.True(text == null || (text.All(c => c >= 0x20 && (c < 0x7F || c > 0x9F)) && !text.Contains("relaytoken")),
                            $"case {i}: {status} {string.Join(" | ", headers.Select(h => h.Item1 + "=" + h.Item2))}: {text}");
                    }
                }
            }
        }

        private static string Mutate(string seed, Random random)
        {
            switch (random.Next(5))
            {
                case 0: return seed;
                case 1: return " " + seed + " ";
                case 2: return seed + seed;
                case 3: return seed.Length > 1 ? seed.Substring(0, random.Next(seed.Length)) : seed;
                default: return seed + (char)random.Next(0x80, 0x110);
            }
        }

        private static HttpResponseMessage Reply(int status, (string Name, string Value)[] headers, int bodyKind)
        {
            string body = bodyKind == 0 ? Fixtures.Text("legacy-subscription.one-api-relay.json")
                : bodyKind == 1 ? "{\"error\":{\"message\":\"no " + Key + "\",\"type\":\"x\",\"code\":\"y\"}}"
                : "<html>gateway</html>";
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            foreach (var (name, value) in headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        }
    }
}
