using System;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;

namespace OpenAIBilling.Sources
{
    /// <summary>One way of answering "how much is left"; <see cref="BalanceQuery"/> walks a list of them.</summary>
    internal interface IBalanceSource
    {
        BalanceSource Kind { get; }

        /// <summary>Fills the source's own figures; the caller stamps Name, KeyHint, BaseUri and RetrievedAt.</summary>
        Task<Balance> GetAsync(BillingCall call, DateTime today);
    }
}
