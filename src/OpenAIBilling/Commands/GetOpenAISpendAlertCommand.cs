using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Parameters;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
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
        /// <summary>The key: a string, SecureString, PSCredential (its password) or an object this module wrote (an Admin key, sk-admin-…).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Key", "Token")]
        [ApiKeyTransformation]
        [AllowNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>The project whose spend alerts to get; without it, the organization's.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [AllowNull]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        protected override SecureString? ApiKeyInput => ApiKey;

        internal override async Task RunAsync(BillingCall call, WorkItem item)
        {
            foreach (var alert in await SpendAlertQuery.GetAsync(call, ProjectId, Today).ConfigureAwait(false))
            {
                item.Emit(alert);
            }
        }
    }
}
