namespace OpenAIBilling.Commands.Pipeline
{
    /// <summary>The <c>TargetObject</c> of an item's error: which key (by hint), label and base URI it was about.</summary>
    public sealed class ErrorTarget
    {
        public ErrorTarget(string? keyHint, string? name, string? baseUri)
        {
            KeyHint = keyHint;
            Name = name;
            BaseUri = baseUri;
        }

        public string? KeyHint { get; }

        public string? Name { get; }

        public string? BaseUri { get; }

        public override string ToString() =>
            (string.IsNullOrEmpty(KeyHint) ? "(no key)" : KeyHint) + (string.IsNullOrEmpty(Name) ? string.Empty : " (" + Name + ")");
    }
}
