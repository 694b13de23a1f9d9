using System;
using System.IO;
using System.Net.Http;
using System.Security.Authentication;
using OpenAIBilling.Errors;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// Names a failure below HTTP (docs/DESIGN.md, HTTP behaviour): a refused, reset or dropped connection may be
    /// cured by another attempt, so it is retried; a TLS failure (an untrusted chain, a wrong name), headers over the
    /// handler's limit, an answer that is not HTTP or a body that does not decompress are the same next time, so they
    /// fail at once with their own id.
    /// </summary>
    internal static class TransportFailure
    {
        /// <summary>The error for <paramref name="failure"/>; <paramref name="retryable"/> says whether another attempt may help.</summary>
        public static BillingException Describe(BillingCall call, Uri uri, Exception failure, out bool retryable)
        {
            string reason = SecretRedactor.Redact(Innermost(failure).Message, call.Key);
            string? kind = HttpRequestErrorName(failure);
            retryable = false;
            if (Has<AuthenticationException>(failure) || kind == "SecureConnectionError")
            {
                return new BillingException(BillingErrorId.ConnectionFailed,
                    $"Could not make a secure connection to {call.Host.Display}: {reason}",
                    "Check the server's certificate (trusted chain, matching name) or the TLS inspection of your proxy; retrying does not help.");
            }

            if (kind == "ConfigurationLimitExceeded")
            {
                return new BillingException(BillingErrorId.InvalidResponse,
                    $"The answer from {call.Host.Display} has headers larger than this client accepts: {reason}",
                    Advice.Of(AdviceKind.HeadersTooLarge));
            }

            if (kind == "InvalidResponse")
            {
                return new BillingException(BillingErrorId.InvalidResponse,
                    $"The answer from {call.Host.Display} is not valid HTTP: {reason}",
                    Advice.Of(AdviceKind.AnswerNotHttp));
            }

            if (Has<InvalidDataException>(failure))
            {
                return ResponseBody.NotDecompressible(call, uri, null, null);
            }

            retryable = true;
            return new BillingException(BillingErrorId.ConnectionFailed, $"Could not reach {call.Host.Display}: {reason}", Advice.Of(AdviceKind.Unreachable));
        }

        /// <summary>The name of <c>HttpRequestException.HttpRequestError</c> (.NET 8 and later), else null.</summary>
        private static string? HttpRequestErrorName(Exception failure)
        {
            for (var ex = failure; ex != null; ex = ex.InnerException)
            {
                if (ex is HttpRequestException)
                {
                    var value = ex.GetType().GetProperty("HttpRequestError")?.GetValue(ex);
                    if (value != null && value.ToString() != "Unknown")
                    {
                        return value.ToString();
                    }
                }
            }

            return null;
        }

        private static bool Has<T>(Exception failure) where T : Exception
        {
            for (var ex = failure; ex != null; ex = ex.InnerException)
            {
                if (ex is T)
                {
                    return true;
                }
            }

            return false;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }
    }
}
