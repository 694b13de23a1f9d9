using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Parameters;
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
        /// <summary>The key: a string, SecureString, PSCredential (its password) or an object this module wrote (a browser session key, sess-…).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Key", "Token")]
        [ApiKeyTransformation]
        [AllowNull]
        public SecureString? ApiKey { get; set; }

        protected override SecureString? ApiKeyInput => ApiKey;

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
