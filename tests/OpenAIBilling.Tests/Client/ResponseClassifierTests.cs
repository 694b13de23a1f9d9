using System;
using System.Collections.Generic;
using System.Text;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Responses;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The classifier's rules as a table: status, envelope, endpoint, host and key in; the verdict out.</summary>
    public class ResponseClassifierTests
    {
        private const string AdminKey = "sk-admin-abcdefghijklmnopqrstuvwxyz4321";
        private const string ProjectKey = "sk-proj-abcdefghijklmnopqrstuvwxyz9999";
        private const string SessionKey = "sess-abcdefghijklmnopqrstuvwx5678";
        private const string RelayToken = "sk-relaytoken000000000000001234";

        private const string RateLimit = "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\"}}";
        private const string Quota = "{\"error\":{\"message\":\"You exceeded your current quota.\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}";
        private const string QuotaCodeOnly = "{\"error\":{\"message\":\"no money\",\"code\":\"insufficient_quota\"}}";
        private const string InvalidUrl = "{\"error\":{\"message\":\"Invalid URL (GET /v1/organization/spend_limit)\",\"type\":\"invalid_request_error\"}}";
        private const string NoLimit = "{\"error\":{\"message\":\"No spend limit is configured for this organization.\",\"type\":\"invalid_request_error\"}}";
        private const string UsedUp = "{\"error\":{\"message\":\"该令牌额度已用尽\",\"type\":\"one_api_error\"}}";
        private const string BadKey = "{\"error\":{\"message\":\"Incorrect API key provided.\",\"code\":\"invalid_api_key\"}}";
        private const string SessionOnly = "{\"error\":{\"message\":\"Your request to GET /v1/dashboard/billing/subscription must be made with a session key (that is, it can only be made from the browser).\"}}";
        private const string MissingScopes = "{\"error\":{\"message\":\"You have insufficient permissions for this operation. Missing scopes: api.usage.read.\"}}";
        private const string Html = "<html><body>Bad gateway</body></html>";

        public static IEnumerable<object?[]> Table()
        {
            // host, key, endpoint, status, body, x-should-retry
            //   → retried, failure, error id, what the 404 meant, does not apply, token used up
            // How a 429 (and every other status) is retried.
            yield return Row("openai", ProjectKey, "Admin", 429, RateLimit, null, true, "RateLimited", "RateLimited", "-", false, false);
            yield return Row("openai", ProjectKey, "Admin", 429, Quota, null, false, "InsufficientQuota", "KeyExhausted", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 429, QuotaCodeOnly, null, false, "InsufficientQuota", "KeyExhausted", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 429, Html, null, true, "RateLimited", "RateLimited", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 429, RateLimit, "false", false, "RateLimited", "RateLimited", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 429, RateLimit, "true", true, "RateLimited", "RateLimited", "-", false, false);
            yield return Row("relay", RelayToken, "Balances", 408, "", null, true, "OtherStatus", "ApiError", "-", false, false);
            yield return Row("relay", RelayToken, "Balances", 409, "", null, true, "OtherStatus", "ApiError", "-", false, false);
            yield return Row("relay", RelayToken, "Balances", 500, "", null, true, "ServerError", "ServerError", "-", false, false);
            yield return Row("openai", AdminKey, "Admin", 502, Html, null, true, "ServerError", "ServerError", "-", false, false);
            yield return Row("openai", AdminKey, "Admin", 503, Html, "false", false, "ServerError", "ServerError", "-", false, false);
            yield return Row("openai", AdminKey, "Admin", 503, Quota, null, true, "InsufficientQuota", "KeyExhausted", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 400, "", null, false, "OtherStatus", "ApiError", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 400, "", "true", false, "OtherStatus", "ApiError", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 400, Quota, null, false, "InsufficientQuota", "KeyExhausted", "-", false, true);
            yield return Row("openai", SessionKey, "LegacyLongPath", 400, Quota, null, false, "InsufficientQuota", "KeyExhausted", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 200, "{}", null, false, "-", "-", "-", false, false);

            // What a 401 or 403 means.
            yield return Row("openai", ProjectKey, "Admin", 401, MissingScopes, null, false, "AdminKeyRequired", "AdminKeyRequired", "-", true, false);
            yield return Row("openai", ProjectKey, "Admin", 403, "", null, false, "AdminKeyRequired", "AdminKeyRequired", "-", true, false);
            yield return Row("openai", AdminKey, "Admin", 403, MissingScopes, null, false, "AdminKeyRequired", "AdminKeyRequired", "-", false, false);
            yield return Row("openai", AdminKey, "OrganizationSpendLimit", 401, BadKey, null, false, "InvalidKey", "InvalidApiKey", "-", false, false);
            yield return Row("openai", ProjectKey, "LegacyLongPath", 401, BadKey, null, false, "InvalidKey", "InvalidApiKey", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 401, "", null, false, "InvalidKey", "InvalidApiKey", "-", false, false);
            yield return Row("relay", AdminKey, "Admin", 401, MissingScopes, null, false, "InvalidKey", "InvalidApiKey", "-", false, false);
            yield return Row("openai", SessionKey, "LegacyShortPath", 401, "", null, false, "Unauthorized", "InvalidApiKey", "-", false, false);
            yield return Row("openai", SessionKey, "Balances", 401, "", null, false, "Unauthorized", "InvalidApiKey", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 403, UsedUp, null, false, "TokenExhausted", "KeyExhausted", "-", false, true);
            yield return Row("relay", RelayToken, "LegacyLongPath", 401, UsedUp, null, false, "TokenExhausted", "KeyExhausted", "-", false, true);
            yield return Row("openai", ProjectKey, "LegacyLongPath", 403, UsedUp, null, false, "TokenExhausted", "KeyExhausted", "-", false, false);
            yield return Row("openai", ProjectKey, "LegacyLongPath", 403, "", null, false, "SessionKeyRequired", "SessionKeyRequired", "-", true, false);
            yield return Row("openai", ProjectKey, "LegacyLongPath", 401, "", null, false, "Unauthorized", "InvalidApiKey", "-", false, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 403, SessionOnly, null, false, "SessionKeyRequired", "SessionKeyRequired", "-", true, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 403, "", null, false, "Forbidden", "ApiError", "-", false, false);
            yield return Row("relay", RelayToken, "Balances", 403, "", null, false, "Forbidden", "ApiError", "-", false, false);

            // What a 404 (and a 405) means, endpoint by endpoint.
            yield return Row("openai", AdminKey, "OrganizationSpendLimit", 404, NoLimit, null, false, "-", "-", "NoLimitSet", false, false);
            yield return Row("openai", AdminKey, "OrganizationSpendLimit", 404, InvalidUrl, null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
            yield return Row("openai", AdminKey, "OrganizationSpendLimit", 404, Html, null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
            yield return Row("openai", AdminKey, "OrganizationSpendLimit", 405, NoLimit, null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
            yield return Row("openai", AdminKey, "Admin", 404, NoLimit, null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
            yield return Row("openai", AdminKey, "Admin", 404, Quota, null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
            yield return Row("relay", RelayToken, "Balances", 404, "", null, false, "EndpointNotFound", "EndpointNotFound", "Absent", true, false);
            yield return Row("relay", RelayToken, "Balances", 405, "", null, false, "EndpointNotFound", "EndpointNotFound", "Absent", true, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 404, "", null, false, "EndpointNotFound", "EndpointNotFound", "TryShortPath", true, false);
            yield return Row("relay", RelayToken, "LegacyLongPath", 405, "", null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
            yield return Row("relay", RelayToken, "LegacyShortPathAfterNotFound", 404, "", null, false, "EndpointNotFound", "EndpointNotFound", "NeitherPath", true, false);
            yield return Row("relay", RelayToken, "LegacyShortPathAfterNotFound", 405, "", null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
            yield return Row("relay", RelayToken, "LegacyShortPath", 404, NoLimit, null, false, "EndpointNotFound", "EndpointNotFound", "EndpointNotFound", true, false);
        }

        [Theory]
        [MemberData(nameof(Table))]
        public void An_answer_gets_the_verdict_of_its_rule(string host, string key, string endpoint, int status, string body, string? shouldRetry,
            bool retried, string failure, string errorId, string notFound, bool doesNotApply, bool tokenUsedUp)
        {
            var verdict = ResponseClassifier.Classify(Call(host, key), Answer(status, body, shouldRetry), EndpointNamed(endpoint));

            Assert.Equal(retried, verdict.IsRetried);
            Assert.Equal(failure, verdict.Failure?.ToString() ?? "-");
            Assert.Equal(errorId, verdict.ErrorId?.ToString() ?? "-");
            Assert.Equal(notFound, verdict.NotFound?.ToString() ?? "-");
            Assert.Equal(doesNotApply, verdict.DoesNotApply);
            Assert.Equal(tokenUsedUp, verdict.TokenUsedUp);
            Assert.Equal(failure == "-" && notFound == "-", verdict.IsSuccess);
        }

        [Theory]
        [InlineData("relay", UsedUp, "TokenExhausted", "KeyExhausted", true)]
        [InlineData("relay", RateLimit, "ErrorInsideSuccess", "ApiError", false)]
        [InlineData("openai", UsedUp, "TokenExhausted", "KeyExhausted", false)]
        [InlineData("openai", Quota, "ErrorInsideSuccess", "ApiError", false)]
        public void An_error_inside_a_successful_answer_gets_its_own_verdict(string host, string body, string failure, string errorId, bool tokenUsedUp)
        {
            var response = Answer(200, body, null);
            var verdict = ResponseClassifier.ClassifyErrorInsideSuccess(Call(host, RelayToken), response, ErrorEnvelope.TryParse(response.Body)!);

            Assert.Equal(failure, verdict.Failure.ToString());
            Assert.Equal(errorId, verdict.ErrorId.ToString());
            Assert.False(verdict.IsRetried);
            Assert.False(verdict.DoesNotApply);
            Assert.Equal(tokenUsedUp, verdict.TokenUsedUp);
        }

        [Fact]
        public void The_envelope_read_for_the_retry_rule_is_the_one_the_error_carries()
        {
            var call = Call("openai", ProjectKey);
            var verdict = ResponseClassifier.Classify(call, Answer(429, Quota, null), Endpoint.Admin);

            Assert.Equal("insufficient_quota", verdict.Envelope!.Code);
            var error = ResponseErrors.ErrorFor(call, verdict);
            Assert.Equal(BillingErrorId.KeyExhausted, error.ErrorId);
            Assert.Equal("insufficient_quota", error.ErrorType);
            Assert.Equal("insufficient_quota", error.ErrorCode);
            Assert.Contains("You exceeded your current quota.", error.Message);
        }

        [Theory]
        [InlineData("openai", ProjectKey, "Admin", 401, MissingScopes, true, false)]
        [InlineData("relay", RelayToken, "LegacyLongPath", 403, UsedUp, false, true)]
        [InlineData("relay", RelayToken, "LegacyLongPath", 429, RateLimit, false, false)]
        public void The_error_carries_what_the_verdict_means_for_a_balance_and_keeps_it_when_redacted(string host, string key, string endpoint, int status, string body,
            bool doesNotApply, bool tokenUsedUp)
        {
            var call = Call(host, key);
            var error = ResponseErrors.ErrorFor(call, ResponseClassifier.Classify(call, Answer(status, body, null), EndpointNamed(endpoint)));

            Assert.Equal(doesNotApply, error.SourceDoesNotApply);
            Assert.Equal(tokenUsedUp, error.TokenUsedUp);
            var redacted = error.Redacted(call.Key);
            Assert.Equal(doesNotApply, redacted.SourceDoesNotApply);
            Assert.Equal(tokenUsedUp, redacted.TokenUsedUp);
        }

        [Theory]
        [InlineData("Timeout", null, true)]
        [InlineData("ConnectionFailed", null, true)]
        [InlineData("ServerError", 503, true)]
        [InlineData("RateLimited", 429, true)]
        [InlineData("InvalidResponse", 200, true)]
        [InlineData("InvalidResponse", 401, false)]
        [InlineData("InvalidResponse", 403, false)]
        [InlineData("InvalidApiKey", 401, false)]
        [InlineData("EndpointNotFound", 404, false)]
        [InlineData("ApiError", 400, false)]
        public void Only_a_failure_every_key_of_the_host_would_meet_is_the_hosts(string errorId, int? status, bool hostFailure)
        {
            var failure = new BillingException((BillingErrorId)Enum.Parse(typeof(BillingErrorId), errorId), "m", "a").WithResponse(status, null, null, null);
            Assert.Equal(hostFailure, ResponseClassifier.IsHostFailure(failure));
        }

        private static object?[] Row(string host, string key, string endpoint, int status, string body, string? shouldRetry,
            bool retried, string failure, string errorId, string notFound, bool doesNotApply, bool tokenUsedUp) =>
            new object?[] { host, key, endpoint, status, body, shouldRetry, retried, failure, errorId, notFound, doesNotApply, tokenUsedUp };

        private static BillingCall Call(string host, string key) =>
            new BillingCall(ApiKey.Parse(key), BillingHost.Parse(new Uri(host == "openai" ? "https://api.openai.com" : "https://relay.example")),
                new RequestSettings());

        private static ApiResponse Answer(int status, string body, string? shouldRetry)
        {
            var headers = new Dictionary<string, string> { ["content-type"] = body.StartsWith("<", StringComparison.Ordinal) ? "text/html" : "application/json" };
            if (shouldRetry != null)
            {
                headers["x-should-retry"] = shouldRetry;
            }

            return new ApiResponse(status, Encoding.UTF8.GetBytes(body), headers, new Uri("https://host.example/v1/path"));
        }

        private static Endpoint EndpointNamed(string name)
        {
            switch (name)
            {
                case "Admin": return Endpoint.Admin;
                case "OrganizationSpendLimit": return Endpoint.OrganizationSpendLimit;
                case "Balances": return Endpoint.Balances;
                case "LegacyLongPath": return Endpoint.LegacyLongPath;
                case "LegacyShortPath": return Endpoint.LegacyShortPath;
                case "LegacyShortPathAfterNotFound": return Endpoint.LegacyShortPathAfterNotFound;
                default: throw new ArgumentOutOfRangeException(nameof(name));
            }
        }
    }
}
