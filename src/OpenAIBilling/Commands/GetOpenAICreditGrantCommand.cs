using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the credit grants of an OpenAI account, one object per grant (session keys).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OpenAICreditGrant")]
    [OutputType(typeof(CreditGrant))]
    public sealed class GetOpenAICreditGrantCommand : BillingCommand
    {
        internal override InputRequest CreateRequest(BillingCall call) => new Request(call);

        private sealed class Request : InputRequest
        {
            public Request(BillingCall call)
                : base(call)
            {
            }

            public override async Task RunAsync(WorkItem item) =>
                item.EmitAll(await CreditGrantQuery.GetAsync(Call).ConfigureAwait(false));
        }
    }
}
