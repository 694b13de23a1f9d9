using System;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Keys;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class KeyAndHostTests
    {
        [Theory]
        [InlineData("sk-admin-abcdefghijklmnopqrstuvwxyz1234", "Admin", "sk-admin-...1234")]
        [InlineData("sk-svcacct-abcdefghijklmnopqrstuvwx9876", "ServiceAccount", "sk-svcacct-...9876")]
        [InlineData("sk-proj-abcdefghijklmnopqrstuvwxyzWXYZ", "Project", "sk-proj-...WXYZ")]
        [InlineData("sess-abcdefghijklmnopqrstuvwxyz5555", "Session", "sess-...5555")]
        [InlineData("sk-abcdefghijklmnopqrstuvwxyz0000", "Secret", "sk-...0000")]
        [InlineData("abcdefghijklmnopqrstuvwxyz7777", "Unknown", "...7777")]
        [InlineData("sk-short12345", "Secret", "sk-")]
        [InlineData("tiny", "Unknown", "")]
        public void KeyHint_is_the_kind_prefix_and_the_last_four_characters(string key, string kind, string hint)
        {
            var parsed = ApiKey.Parse(key);
            Assert.Equal(kind, parsed.Kind.ToString());
            Assert.Equal(hint, parsed.Hint);
            Assert.Equal(hint, parsed.ToString());
        }

        [Theory]
        [InlineData("  sk-abcdefghijklmnopqrstuvwxyz0000  ")]
        [InlineData("\"sk-abcdefghijklmnopqrstuvwxyz0000\"")]
        [InlineData(" 'sk-abcdefghijklmnopqrstuvwxyz0000'\r\n")]
        public void Keys_are_trimmed_of_whitespace_and_one_pair_of_quotes(string raw)
        {
            Assert.Equal("sk-...0000", ApiKey.Parse(raw).Hint);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\"\"")]
        [InlineData("sk-abc def-ghijklmnopqrstuvwxyz")]
        [InlineData("sk-abcdefghij\nklmnopqrstuvwxyz")]
        public void Empty_keys_and_keys_with_inner_whitespace_are_InvalidApiKeyFormat(string raw)
        {
            var error = Assert.Throws<BillingException>(() => ApiKey.Parse(raw));
            Assert.Equal(BillingErrorId.InvalidApiKeyFormat, error.ErrorId);
            Assert.DoesNotContain("abcdefgh", error.Message);
        }

        [Theory]
        [InlineData("https://api.openai.com", "https://api.openai.com", true)]
        [InlineData("https://api.openai.com/v1", "https://api.openai.com", true)]
        [InlineData("https://API.OpenAI.com/v1/", "https://api.openai.com", true)]
        [InlineData("https://relay.example.com/api/v1", "https://relay.example.com/api", false)]
        [InlineData("http://127.0.0.1:3000/", "http://127.0.0.1:3000", false)]
        public void Base_uris_are_accepted_with_or_without_v1(string given, string display, bool isOpenAI)
        {
            var host = BillingHost.Parse(new Uri(given));
            Assert.Equal(display, host.Display);
            Assert.Equal(isOpenAI, host.IsOpenAI);
            Assert.Equal(display + "/v1/balances", host.Resolve("/v1/balances").AbsoluteUri);
        }

        [Theory]
        [InlineData("relay.example.com/v1", UriKind.Relative)]
        [InlineData("https://relay.example.com/v1?x=1", UriKind.Absolute)]
        [InlineData("https://user:pass@relay.example.com/v1", UriKind.Absolute)]
        [InlineData("ftp://relay.example.com/", UriKind.Absolute)]
        public void Relative_query_credential_and_odd_scheme_base_uris_are_InvalidArgument(string given, UriKind kind)
        {
            var error = Assert.Throws<BillingException>(() => BillingHost.Parse(new Uri(given, kind)));
            Assert.Equal(BillingErrorId.InvalidArgument, error.ErrorId);
            Assert.DoesNotContain("pass", error.Message);
        }

    }
}
