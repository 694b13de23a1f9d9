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

        /// <summary>Fills the source's own figures; <see cref="BalanceQuery"/> sets Source, RetrievedAt and an expired Status, and the record is stamped (Name, KeyHint, BaseUri) where it is emitted.</summary>
        Task<Balance> GetAsync(BillingCall call, DateTime today);
    }
}
