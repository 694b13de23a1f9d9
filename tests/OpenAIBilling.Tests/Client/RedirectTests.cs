using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Responses;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The redirect rules: up to 5 followed by hand, the auth and organization headers only to the same origin.</summary>
    public class RedirectTests
    {
        private const string Key = "sk-relaytoken000000000000001234";
        private const string Final = "{\"object\":\"list\",\"data\":[]}";

        private static BillingCall Call(string relay, FakeHandler handler, int retries = 0, CollectingLog? log = null)
        {
            var call = TestCalls.Create(Key, relay, handler, retries, log);
            call.Settings.Organization = "org-123";
            call.Settings.Project = "proj_456";
            return call;
        }

        /// <summary>A chain of <paramref name="hops"/> redirects from /start through /hop1… to /end.</summary>
        private static FakeHandler Chain(int hops, int status, bool relative, string relay)
        {
            var handler = new FakeHandler();
            for (int i = 0; i < hops; i++)
            {
                string from = i == 0 ? "/start" : "/hop" + i;
                string to = i + 1 == hops ? "/end" : "/hop" + (i + 1);
                handler.On(from, _ => Redirect(status, relative ? to : relay + to));
            }

            return handler.On("/end", 200, Final);
        }

        [Theory]
        [InlineData(301, false)]
        [InlineData(302, true)]
        [InlineData(303, false)]
        [InlineData(307, true)]
        [InlineData(308, false)]
        public async Task Five_redirects_are_followed_with_the_key_on_the_same_origin(int status, bool relative)
        {
            string relay = TestCalls.NewRelay();
            var handler = Chain(5, status, relative, relay);
            var response = (await BillingTransport.GetAsync(Call(relay, handler), Endpoint.Admin, "/start")).Response;

            Assert.Equal(200, response.StatusCode);
            Assert.Equal(6, handler.Sent.Count);
            Assert.All(handler.Sent, sent => Assert.StartsWith("Bearer ", sent.Headers["authorization"], StringComparison.Ordinal));
            Assert.All(handler.Sent, sent => Assert.Equal("org-123", sent.Headers["openai-organization"]));
        }

        [Theory]
        [InlineData(301)]
        [InlineData(302)]
        [InlineData(303)]
        [InlineData(307)]
        [InlineData(308)]
        public async Task A_sixth_redirect_is_refused_and_not_sent(int status)
        {
            string relay = TestCalls.NewRelay();
            var handler = Chain(6, status, relative: true, relay);
            var error = await Assert.ThrowsAsync<BillingException>(() => BillingTransport.GetAsync(Call(relay, handler, retries: 2), Endpoint.Admin, "/start"));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.Equal("The server at " + relay + " redirected more than 5 times.", error.Message);
            Assert.Equal(6, handler.Sent.Count);
            Assert.Equal(0, handler.Count("/end"));
        }

        [Fact]
        public async Task Another_origin_gets_neither_the_key_nor_the_organization_headers_nor_do_later_hops()
        {
            string relay = TestCalls.NewRelay();
            var handler = new FakeHandler()
                .On("/start", _ => Redirect(307, "https://elsewhere.example/next"))
                .On("/next", _ => Redirect(302, relay + "/end"))
                .On("/end", 200, Final);
            await BillingTransport.GetAsync(Call(relay, handler), Endpoint.Admin, "/start");

            var sent = handler.Sent.ToArray();
            Assert.Equal(3, sent.Length);
            Assert.True(sent[0].Headers.ContainsKey("authorization"));
            foreach (var later in sent.Skip(1))
            {
                Assert.False(later.Headers.ContainsKey("authorization"));
                Assert.False(later.Headers.ContainsKey("openai-organization"));
                Assert.False(later.Headers.ContainsKey("openai-project"));
            }
        }

        [Theory]
        [InlineData("file:///etc/passwd")]
        [InlineData("ftp://files.example/balance.json")]
        [InlineData("data:application/json,{}")]
        public async Task A_redirect_out_of_http_is_InvalidResponse_and_not_retried(string location)
        {
            string relay = TestCalls.NewRelay();
            var handler = new FakeHandler().On("/start", _ => RedirectRaw(302, location));
            var error = await Assert.ThrowsAsync<BillingException>(() => BillingTransport.GetAsync(Call(relay, handler, retries: 2), Endpoint.Admin, "/start"));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.Contains("redirected to a " + new Uri(location).Scheme + ": address", error.Message);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task A_malformed_Location_is_InvalidResponse_and_not_retried()
        {
            string relay = TestCalls.NewRelay();
            var handler = new FakeHandler().On("/start", _ => RedirectRaw(302, "http://[::1"));
            var error = await Assert.ThrowsAsync<BillingException>(() => BillingTransport.GetAsync(Call(relay, handler, retries: 2), Endpoint.Admin, "/start"));

            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
            Assert.Equal($"The server at {relay} answered HTTP 302 with a Location that is not a URI ('http://[::1').", error.Message);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task User_info_in_a_Location_is_neither_sent_nor_shown()
        {
            string relay = TestCalls.NewRelay();
            var log = new CollectingLog();
            var handler = new FakeHandler()
                .On("/start", _ => RedirectRaw(302, "https://admin:hunter2@" + new Uri(relay).Host + "/end"))
                .On("/end", 200, Final);
            await BillingTransport.GetAsync(Call(relay, handler, log: log), Endpoint.Admin, "/start");

            var last = handler.Sent.Last();
            Assert.Equal(string.Empty, last.Uri.UserInfo);
            Assert.DoesNotContain(log.Messages, m => m.IndexOf("hunter2", StringComparison.Ordinal) >= 0 || m.IndexOf("admin", StringComparison.Ordinal) >= 0);
            Assert.Contains("VERBOSE: Following redirect 302 to " + relay + "/end.", log.Messages);
        }

        private static HttpResponseMessage Redirect(int status, string location)
        {
            var reply = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(string.Empty) };
            reply.Headers.TryAddWithoutValidation("Location", location);   // as sent; new Uri("/x") is file:///x on Mono
            return reply;
        }

        private static HttpResponseMessage RedirectRaw(int status, string location)
        {
            var reply = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(string.Empty) };
            reply.Headers.TryAddWithoutValidation("Location", location);
            return reply;
        }
    }
}
