using System;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Http
{
    /// <summary>A failure that another attempt may cure: a timeout, a refused or reset connection.</summary>
    internal sealed class TransientTransportException : Exception
    {
        public TransientTransportException(BillingException failure) : base(failure.Message) => Failure = failure;

        /// <summary>The error to report when no attempt is left.</summary>
        public BillingException Failure { get; }
    }
}
