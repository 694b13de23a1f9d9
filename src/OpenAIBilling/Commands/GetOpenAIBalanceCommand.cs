using System;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets how much money is left for an OpenAI or relay key.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OpenAIBalance")]
    [OutputType(typeof(Balance))]
    public sealed class GetOpenAIBalanceCommand : BillingCommand
    {
        /// <summary>Which source answers; Auto tries the ones that fit the key and host.</summary>
        [Parameter]
        public BalanceSource Source { get; set; } = BalanceSource.Auto;

        internal override InputRequest CreateRequest(BillingCall call) => new Request(call, Source, Today);

        private sealed class Request : InputRequest
        {
            private readonly BalanceSource _source;
            private readonly DateTime _today;

            public Request(BillingCall call, BalanceSource source, DateTime today)
                : base(call)
            {
                _source = source;
                _today = today;
            }

            public override async Task RunAsync(WorkItem item) =>
                item.Emit(await BalanceQuery.GetAsync(Call, _source, _today).ConfigureAwait(false));
        }
    }
}
