using System;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Parameters;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the spend alerts of an OpenAI organization or project, and when each is projected to fire (Admin key).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OpenAISpendAlert")]
    [OutputType(typeof(SpendAlert))]
    public sealed class GetOpenAISpendAlertCommand : BillingCommand
    {
        /// <summary>The project whose spend alerts to get; without it, the organization's.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [AllowNull]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        internal override InputRequest CreateRequest(BillingCall call) => new Request(call, ProjectId, Today);

        private sealed class Request : InputRequest
        {
            private readonly string? _projectId;
            private readonly DateTime _today;

            public Request(BillingCall call, string? projectId, DateTime today)
                : base(call)
            {
                _projectId = projectId;
                _today = today;
            }

            public override async Task RunAsync(WorkItem item) =>
                item.EmitAll(await SpendAlertQuery.GetAsync(Call, _projectId, _today).ConfigureAwait(false));
        }
    }
}
