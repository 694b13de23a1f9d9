using System;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Keys
{
    /// <summary>
    /// A key as the user gave it, cleaned of surrounding whitespace and one pair of quotes.
    /// <see cref="ToString"/> gives the <see cref="Hint"/>, never the key.
    /// </summary>
    internal sealed class ApiKey
    {
        private const int ShortKeyLength = 20;
        private const int HintTailLength = 4;
        private const char FirstPrintableAscii = '!';
        private const char LastPrintableAscii = '~';

        private static readonly (string Prefix, KeyKind Kind)[] Prefixes =
        {
            ("sk-admin-", KeyKind.Admin),
            ("sk-svcacct-", KeyKind.ServiceAccount),
            ("sk-proj-", KeyKind.Project),
            ("sess-", KeyKind.Session),
            ("sk-", KeyKind.Secret),
        };

        private ApiKey(string secret, KeyKind kind, string prefix)
        {
            Secret = secret;
            Kind = kind;
            Prefix = prefix;
            Hint = secret.Length < ShortKeyLength
                ? prefix
                : prefix + "..." + secret.Substring(secret.Length - HintTailLength);
        }

        /// <summary>The key itself. Only the HTTP layer and the redactor read it.</summary>
        internal string Secret { get; }

        public KeyKind Kind { get; }

        /// <summary>The kind prefix (<c>sk-admin-</c>, <c>sess-</c>, …), or empty.</summary>
        public string Prefix { get; }

        /// <summary>The kind prefix, <c>...</c> and the last 4 characters; the prefix alone for keys under 20 characters.</summary>
        public string Hint { get; }

        /// <summary>The part after the kind prefix; the redactor hides any 8 consecutive characters of it.</summary>
        internal string Body => Secret.Substring(Prefix.Length);

        /// <summary>Trims whitespace and one pair of surrounding quotes, then checks what is left.</summary>
        /// <exception cref="BillingException">
        /// <c>InvalidApiKeyFormat</c> when nothing is left, or whitespace, a control character or anything outside
        /// printable ASCII remains (docs/DESIGN.md, "Keys, hosts and the environment").
        /// </exception>
        public static ApiKey Parse(string? raw)
        {
            string text = Clean(raw);
            if (text.Length == 0)
            {
                throw new BillingException(BillingErrorId.InvalidApiKeyFormat,
                    "The API key is empty.",
                    Advice.Of(AdviceKind.EmptyKey));
            }

            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    throw new BillingException(BillingErrorId.InvalidApiKeyFormat,
                        "The API key contains whitespace inside it, so it cannot be a key.",
                        "Pass one key per item; check for a line break or a space pasted into the key.");
                }

                if (c < FirstPrintableAscii || c > LastPrintableAscii)
                {
                    throw new BillingException(BillingErrorId.InvalidApiKeyFormat,
                        $"The API key contains the character U+{(int)c:X4} ({Describe(c)}); a key is printable ASCII only, so nothing was sent.",
                        "Copy the key again as plain text: a byte-order mark, curly quotes or a character pasted from a document do not belong in it.");
                }
            }

            foreach (var (prefix, kind) in Prefixes)
            {
                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return new ApiKey(text, kind, prefix);
                }
            }

            return new ApiKey(text, KeyKind.Unknown, string.Empty);
        }

        private static string Describe(char c)
        {
            switch (c)
            {
                case '\uFEFF': return "a byte-order mark";
                case '\u2018':
                case '\u2019':
                case '\u201C':
                case '\u201D': return "a curly quote";
                case '\0': return "a NUL";
                default: return char.IsControl(c) ? "a control character" : "not ASCII";
            }
        }

        /// <summary>Whether <paramref name="raw"/> is blank once cleaned (a blank line in a key file).</summary>
        public static bool IsBlank(string? raw) => Clean(raw).Length == 0;

        private static string Clean(string? raw)
        {
            string text = (raw ?? string.Empty).Trim();
            if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[text.Length - 1] == text[0])
            {
                text = text.Substring(1, text.Length - 2).Trim();
            }

            return text;
        }

        public override string ToString() => Hint;
    }
}
