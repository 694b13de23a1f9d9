using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Parameters;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the spending limit and plan of an OpenAI account, project or relay token.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OpenAISubscription")]
    [OutputType(typeof(Subscription))]
    public sealed class GetOpenAISubscriptionCommand : BillingCommand
    {
        /// <summary>With an Admin key: the project whose spend limit to get.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [AllowNull]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        internal override InputRequest CreateRequest(BillingCall call) => new Request(call, ProjectId);

        private sealed class Request : InputRequest
        {
            private readonly string? _projectId;

            public Request(BillingCall call, string? projectId)
                : base(call)
            {
                _projectId = projectId;
            }

            public override async Task RunAsync(WorkItem item) =>
                item.Emit(await SubscriptionQuery.GetAsync(Call, _projectId).ConfigureAwait(false));
        }
    }
}
