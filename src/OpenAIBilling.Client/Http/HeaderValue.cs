using OpenAIBilling.Errors;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// The check on a value the user gives for a request header (<c>-Organization</c>, <c>-Project</c> and their
    /// environment variables): printable ASCII only, so CR/LF can never inject a header and nothing is mangled on the
    /// wire (docs/DESIGN.md, Security).
    /// </summary>
    internal static class HeaderValue
    {
        /// <summary>Returns <paramref name="value"/> when it is safe to send; null stays null.</summary>
        /// <param name="value">The header value as given.</param>
        /// <param name="source">What the user set, for the message: <c>-Organization</c>, <c>$env:OPENAI_ORG_ID</c>, …</param>
        /// <exception cref="BillingException"><c>InvalidArgument</c> for a control character or anything outside printable ASCII.</exception>
        public static string? Checked(string? value, string source)
        {
            if (value == null)
            {
                return null;
            }

            foreach (char c in value)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw new BillingException(BillingErrorId.InvalidArgument,
                        $"{source} contains a character that cannot go into an HTTP header (U+{(int)c:X4}); nothing was sent.",
                        $"Give {source} as the plain ASCII id (org-…, proj_…) without line breaks, control characters or pasted quotes.");
                }
            }

            return value;
        }
    }
}
