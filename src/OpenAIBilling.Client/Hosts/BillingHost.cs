using System;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Hosts
{
    /// <summary>
    /// A base URI made canonical: scheme, authority and any path prefix, without a trailing <c>/v1</c> or slash.
    /// Whether it is OpenAI itself or a relay is decided here and nowhere else.
    /// </summary>
    internal sealed class BillingHost
    {
        public const string OpenAIHostName = "api.openai.com";
        public static readonly Uri DefaultBaseUri = new Uri("https://api.openai.com");

        /// <summary>
        /// Test hook: a comma-separated list of loopback <c>host:port</c> authorities to treat as api.openai.com, so a
        /// stand-in on loopback can play OpenAI; any other authority in it is ignored. Documented in about_OpenAIBilling; never set it in production.
        /// </summary>
        public const string OpenAIAliasVariable = "OPENAIBILLING_OPENAI_HOSTS";

        private BillingHost(Uri root, bool isOpenAI)
        {
            Root = root;
            IsOpenAI = isOpenAI;
        }

        /// <summary>The canonical base, e.g. <c>https://api.openai.com</c> or <c>https://relay.example/api</c>, no trailing slash.</summary>
        public Uri Root { get; }

        /// <summary>True when this is api.openai.com; every other host is treated as a relay.</summary>
        public bool IsOpenAI { get; }

        /// <summary>The value shown in output objects' <c>BaseUri</c>.</summary>
        public string Display => Root.AbsoluteUri.TrimEnd('/');

        /// <summary>The absolute URI of <paramref name="pathAndQuery"/> (which starts with <c>/</c>) under this base.</summary>
        public Uri Resolve(string pathAndQuery) => new Uri(Display + pathAndQuery);

        /// <exception cref="BillingException"><c>InvalidArgument</c> for relative URIs, other schemes, query strings or user-info.</exception>
        public static BillingHost Parse(Uri? baseUri)
        {
            Uri uri = baseUri ?? DefaultBaseUri;
            if (!uri.IsAbsoluteUri)
            {
                throw Invalid($"The base URI '{uri.OriginalString}' is relative.");
            }

            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            {
                throw Invalid($"The base URI scheme '{uri.Scheme}' is not http or https.");
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                throw Invalid("The base URI has credentials in it (user-info before '@').");
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                throw Invalid("The base URI has a query string or fragment.");
            }

            string path = uri.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - 3);
            }

            var root = new UriBuilder(uri.Scheme, uri.Host, uri.Port, path.Length == 0 ? "/" : path).Uri;
            return new BillingHost(root, IsOpenAIAuthority(root, Environment.GetEnvironmentVariable(OpenAIAliasVariable)));
        }

        /// <param name="root">The canonical base.</param>
        /// <param name="aliases">The value of <see cref="OpenAIAliasVariable"/>.</param>
        internal static bool IsOpenAIAuthority(Uri root, string? aliases)
        {
            if (string.Equals(root.Host, OpenAIHostName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // Only a loopback stand-in may play OpenAI, so the switch can never send an Admin key to a remote host.
            if (string.IsNullOrEmpty(aliases) || !root.IsLoopback)
            {
                return false;
            }

            foreach (string alias in aliases!.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(alias, root.Authority, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static BillingException Invalid(string message) =>
            new BillingException(BillingErrorId.InvalidArgument, message,
                Advice.Of(AdviceKind.BaseUriMalformed));

        public override string ToString() => Display;
    }
}
