using OpenAIBilling.Redaction;

namespace OpenAIBilling.Errors
{
    /// <summary>
    /// What would help with a failure: a sentence that names nothing of PowerShell, or a fact
    /// (<see cref="AdviceKind"/>) with the details its wording needs, which the cmdlet layer words for the cmdlet that
    /// failed (docs/DESIGN.md, "Error ids"). The client never names a PowerShell parameter.
    /// </summary>
    internal sealed class Advice
    {
        private Advice(AdviceKind kind, string? text, string? host, string? path)
        {
            Kind = kind;
            Text = text;
            Host = host;
            Path = path;
        }

        public AdviceKind Kind { get; }

        /// <summary>The sentence of a <see cref="AdviceKind.Stated"/> advice; null for any other kind.</summary>
        public string? Text { get; }

        /// <summary>The host's display, for the kinds that name it.</summary>
        public string? Host { get; }

        /// <summary>The request's path, for the kinds that name it.</summary>
        public string? Path { get; }

        /// <summary>A fact for the cmdlet layer to word.</summary>
        public static Advice Of(AdviceKind kind, string? host = null, string? path = null) => new Advice(kind, null, host, path);

        /// <summary>A sentence that needs no wording for a cmdlet (it names no parameter), such as "Try again later.".</summary>
        public static implicit operator Advice(string text) => new Advice(AdviceKind.Stated, text, null, null);

        /// <summary>The same advice with every string redacted for <paramref name="key"/>.</summary>
        public Advice Redacted(Keys.ApiKey? key) => new Advice(Kind, Clean(Text, key), Clean(Host, key), Clean(Path, key));

        private static string? Clean(string? text, Keys.ApiKey? key) => text == null ? null : SecretRedactor.Redact(text, key);
    }
}
