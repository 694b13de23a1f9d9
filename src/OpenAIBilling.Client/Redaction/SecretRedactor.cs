using System;
using System.Text;
using System.Text.RegularExpressions;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Redaction
{
    /// <summary>
    /// The one place that makes text safe to show (docs/DESIGN.md, Security): terminal escape sequences and control
    /// characters are removed (line breaks and tabs become spaces), user-info is cut from every URI in it, and keys
    /// are hidden — the key itself, any 8 consecutive characters of the part after its kind prefix, and anything that
    /// looks like a key. Every server-supplied string passes through here before it reaches a message, an exception
    /// property, a verbose or debug line or an output object.
    /// </summary>
    internal static class SecretRedactor
    {
        public const string Mask = "***";
        private const int WindowLength = 8;
        private static readonly Regex KeyLike = new Regex(@"(sk|sess)-[A-Za-z0-9_*.\-]{6,}", RegexOptions.CultureInvariant);

        // CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), their one-byte C1 forms, and two-character ESC sequences.
        private static readonly Regex EscapeSequence = new Regex(
            @"(\x1B\[|\x9B)[\x30-\x3F]*[\x20-\x2F]*[\x40-\x7E]?|(\x1B\]|\x9D)[^\x07\x1B\x9C]*(\x07|\x1B\\|\x9C)?|\x1B[\x20-\x7E]?",
            RegexOptions.CultureInvariant);

        // A KeyHint (kind prefix, "...", at most 4 characters) is the module's own trace of a key and stays readable,
        // also at the end of a sentence, and so does a kind prefix alone (a short key's KeyHint, and how messages name a
        // kind: "sk-admin-…").
        private static readonly Regex KeyHintLike = new Regex(@"^(sk|sess)-(([a-z]+-)?\.\.\.[A-Za-z0-9_*.\-]{0,4}\.?|(admin|proj|svcacct)-)$", RegexOptions.CultureInvariant);

        private static readonly Regex UserInfo = new Regex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@?#]*@", RegexOptions.CultureInvariant);

        public static string Redact(string? text, ApiKey? key)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string result = RemoveControls(text!);
            if (result.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                result = UserInfo.Replace(result, string.Empty);
            }

            if (key != null)
            {
                result = HideKeyFragments(result, key);
            }

            bool mayHoldKey = result.IndexOf("sk-", StringComparison.Ordinal) >= 0 || result.IndexOf("sess-", StringComparison.Ordinal) >= 0;
            return mayHoldKey ? KeyLike.Replace(result, m => KeyHintLike.IsMatch(m.Value) ? m.Value : m.Groups[1].Value + "-" + Mask) : result;
        }

        /// <summary>A URI as shown to the user: without user-info, and redacted.</summary>
        public static string Redact(Uri uri, ApiKey? key) => Redact(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString, key);

        private static string RemoveControls(string text)
        {
            if (!HasControl(text))
            {
                return text;
            }

            string stripped = EscapeSequence.Replace(text, string.Empty);
            var builder = new StringBuilder(stripped.Length);
            foreach (char c in stripped)
            {
                if (c == '\r' || c == '\n' || c == '\t')
                {
                    builder.Append(' ');
                }
                else if (!IsControl(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static bool HasControl(string text)
        {
            foreach (char c in text)
            {
                if (IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>C0, DEL, C1, and the bidirectional overrides and isolates that reorder what a terminal shows.</summary>
        private static bool IsControl(char c) =>
            c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

        /// <summary>Whether the 8 characters of <paramref name="text"/> at <paramref name="start"/> occur in <paramref name="body"/>.</summary>
        private static bool OccursIn(string body, string text, int start)
        {
            for (int j = 0; j + WindowLength <= body.Length; j++)
            {
                int k = 0;
                while (k < WindowLength && body[j + k] == text[start + k])
                {
                    k++;
                }

                if (k == WindowLength)
                {
                    return true;
                }
            }

            return false;
        }

        private static string HideKeyFragments(string text, ApiKey key)
        {
            string body = key.Body;
            if (body.Length < WindowLength)
            {
                return text.Replace(key.Secret, Mask);
            }

            // Mark every character covered by some 8-character window of the key body, then mask the marked runs.
            // Output strings pass here by the thousand, so nothing is allocated until a window is found.
            bool[]? covered = null;
            for (int i = 0; i + WindowLength <= text.Length; i++)
            {
                if (OccursIn(body, text, i))
                {
                    covered ??= new bool[text.Length];
                    for (int j = i; j < i + WindowLength; j++)
                    {
                        covered[j] = true;
                    }
                }
            }

            if (covered == null)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (!covered[i])
                {
                    builder.Append(text[i]);
                }
                else if (i == 0 || !covered[i - 1])
                {
                    builder.Append(Mask);
                }
            }

            return builder.ToString();
        }
    }
}
