using OpenAIBilling.Keys;
using OpenAIBilling.Redaction;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class RedactionTests
    {
        private const string Key = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

        [Fact]
        public void The_whole_key_is_hidden()
        {
            string text = SecretRedactor.Redact("无效的令牌 " + Key + " (request id: 1)", ApiKey.Parse(Key));
            Assert.DoesNotContain("AbCdEfGh", text);
            Assert.Contains("无效的令牌", text);
            Assert.Contains("(request id: 1)", text);
        }

        [Fact]
        public void Any_eight_consecutive_characters_of_the_key_body_are_hidden()
        {
            string text = SecretRedactor.Redact("token ends in OpQrStUvW and starts IjKlMnOp", ApiKey.Parse(Key));
            Assert.DoesNotContain("OpQrStUv", text);
            Assert.DoesNotContain("IjKlMnOp", text);
        }

        [Fact]
        public void Key_like_text_is_hidden_even_for_another_key()
        {
            string text = SecretRedactor.Redact("Incorrect API key provided: sk-VKMIs***************wjh3. You can find", null);
            Assert.DoesNotContain("VKMIs", text);
            Assert.Contains("Incorrect API key provided", text);
            Assert.Equal("sess-***", SecretRedactor.Redact("sess-abcdef123", null));
        }

        [Fact]
        public void A_kind_prefix_alone_and_a_KeyHint_stay_readable_but_a_key_after_the_prefix_does_not()
        {
            const string Advice = "Use an Admin key (sk-admin-…); a short key's hint is sk-proj- and a long one's sk-svcacct-...ABCD.";
            Assert.Equal(Advice, SecretRedactor.Redact(Advice, null));
            Assert.Equal("sk-*** and sk-***", SecretRedactor.Redact("sk-admin-abcdef and sk-proj-AbCdEf12", null));
        }

        [Fact]
        public void Terminal_escapes_and_control_characters_are_removed_exactly()
        {
            string hostile = "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u001b[0m\r\nline\ttab\u0000nul\u009b1mc1\u202Eevil\u001b]52;c;Y2xpcA==\u001b\\end";
            Assert.Equal("red  line tabnulc1evilend", SecretRedactor.Redact(hostile, null));
        }

        [Fact]
        public void User_info_is_cut_from_every_URI_in_the_text()
        {
            Assert.Equal("proxy http://127.0.0.1:3128/ refused; see https://relay.example/x",
                SecretRedactor.Redact("proxy http://bob:s3cret@127.0.0.1:3128/ refused; see https://tok@relay.example/x", null));
        }

        [Fact]
        public void A_key_split_by_control_characters_is_still_hidden()
        {
            Assert.Equal("echo: sk-***", SecretRedactor.Redact("echo: sk-proj-AbCd\u001b[0mEfGhIjKlMnOp", null));
        }

        [Fact]
        public void A_key_hint_stays_readable()
        {
            Assert.Equal("sk-proj-...6789: the Subscription source answered; sk-...1234 too.",
                SecretRedactor.Redact("sk-proj-...6789: the Subscription source answered; sk-...1234 too.", ApiKey.Parse(Key)));
            Assert.Equal("Use an Admin key (sk-admin-…), not an sk-proj- key.", SecretRedactor.Redact("Use an Admin key (sk-admin-…), not an sk-proj- key.", ApiKey.Parse(Key)));
        }

        [Fact]
        public void Text_without_secrets_is_left_alone()
        {
            Assert.Equal("You exceeded your current quota.", SecretRedactor.Redact("You exceeded your current quota.", ApiKey.Parse(Key)));
        }
    }
}
