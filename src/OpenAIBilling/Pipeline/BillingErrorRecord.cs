using System;
using System.Management.Automation;
using OpenAIBilling.Errors;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Commands.Pipeline
{
    /// <summary>Turns a <see cref="BillingException"/> into an <see cref="ErrorRecord"/> with its stable id and category.</summary>
    internal static class BillingErrorRecord
    {
        /// <summary>
        /// The record the user sees: the exception redacted for <paramref name="key"/> (docs/DESIGN.md, Security), its
        /// advice worded for <paramref name="command"/>, the cmdlet that failed (none for a failure to load).
        /// </summary>
        public static ErrorRecord Create(BillingException exception, CommandInfo? command, object? target, Keys.ApiKey? key = null)
        {
            exception = exception.Redacted(key, command == null ? exception.Advice : AdviceWording.For(exception.Advice, command));
            var record = new ErrorRecord(exception, exception.FullErrorId, CategoryOf(exception.ErrorId), target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction },
            };
            return record;
        }

        /// <summary>Any other failure at the edge: reported as an invalid response, with the key redacted.</summary>
        public static BillingException Wrap(Exception unexpected, Keys.ApiKey? key) =>
            new BillingException(BillingErrorId.InvalidResponse,
                SecretRedactor.Redact("The answer could not be processed: " + unexpected.GetType().Name + ": " + unexpected.Message, key),
                "Run again with -Verbose; if it persists, report it with the verbose output.");

        public static ErrorCategory CategoryOf(BillingErrorId id)
        {
            switch (id)
            {
                case BillingErrorId.NoApiKey:
                case BillingErrorId.InvalidApiKeyFormat:
                case BillingErrorId.InvalidArgument:
                case BillingErrorId.InvalidDateRange:
                    return ErrorCategory.InvalidArgument;
                case BillingErrorId.InvalidApiKey:
                    return ErrorCategory.AuthenticationError;
                case BillingErrorId.KeyExhausted:
                    return ErrorCategory.QuotaExceeded;
                case BillingErrorId.SessionKeyRequired:
                case BillingErrorId.AdminKeyRequired:
                    return ErrorCategory.PermissionDenied;
                case BillingErrorId.BalanceNotAvailable:
                    return ErrorCategory.NotImplemented;
                case BillingErrorId.EndpointNotFound:
                case BillingErrorId.ServerError:
                    return ErrorCategory.ResourceUnavailable;
                case BillingErrorId.RateLimited:
                    return ErrorCategory.LimitsExceeded;
                case BillingErrorId.ConnectionFailed:
                    return ErrorCategory.ConnectionError;
                case BillingErrorId.ApiError:
                    return ErrorCategory.InvalidResult;
                case BillingErrorId.InvalidResponse:
                    return ErrorCategory.InvalidData;
                case BillingErrorId.Timeout:
                    return ErrorCategory.OperationTimeout;
                case BillingErrorId.UnencryptedAuthentication:
                    return ErrorCategory.SecurityError;
                case BillingErrorId.UnsupportedPowerShell:
                    return ErrorCategory.NotInstalled;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }
    }
}
