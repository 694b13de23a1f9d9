using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Errors
{
    /// <summary>
    /// The one place that hides keys in text (docs/DESIGN.md, "Security"): the key itself, any 8 consecutive characters of the
    /// part after its kind prefix, and anything that looks like a key.
    /// </summary>
    public static class SecretRedactor
    {
        public const string Mask = "***";
        private const int WindowLength = 8;
        private static readonly Regex KeyLike = new Regex(@"(sk|sess)-[A-Za-z0-9_*.\-]{6,}", RegexOptions.CultureInvariant);

        public static string Redact(string? text, ApiKey? key)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string result = text!;
            if (key != null)
            {
                result = HideKeyFragments(result, key);
            }

            return KeyLike.Replace(result, m => m.Groups[1].Value + "-" + Mask);
        }

        private static string HideKeyFragments(string text, ApiKey key)
        {
            string body = key.Body;
            if (body.Length < WindowLength)
            {
                return text.Replace(key.Secret, Mask);
            }

            // Mark every character covered by some 8-character window of the key body, then mask the marked runs.
            var covered = new bool[text.Length];
            var windows = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i + WindowLength <= body.Length; i++)
            {
                windows.Add(body.Substring(i, WindowLength));
            }

            bool any = false;
            for (int i = 0; i + WindowLength <= text.Length; i++)
            {
                if (windows.Contains(text.Substring(i, WindowLength)))
                {
                    for (int j = i; j < i + WindowLength; j++)
                    {
                        covered[j] = true;
                    }

                    any = true;
                }
            }

            if (!any)
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
