using System.Threading.Tasks;
using OpenAIBilling.Http;

namespace OpenAIBilling.Commands.Pipeline
{
    /// <summary>
    /// Everything one input needs, captured once on the pipeline thread when the input is read: the call (key, host,
    /// label, request settings) and the cmdlet's own parameters and prepared arguments, in read-only fields. The work
    /// reads only this, never the cmdlet, whose parameters the next input rebinds while the work goes on
    /// (docs/DESIGN.md, "Flow through the code").
    /// </summary>
    internal abstract class InputRequest
    {
        protected InputRequest(BillingCall call) => Call = call;

        /// <summary>The key, host, label and settings of this input; its records are stamped from it.</summary>
        public BillingCall Call { get; }

        /// <summary>Answers the input: writes objects and messages through <paramref name="item"/>.</summary>
        public abstract Task RunAsync(WorkItem item);
    }
}
