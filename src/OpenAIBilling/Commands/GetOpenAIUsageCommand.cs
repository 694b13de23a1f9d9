using System;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Dates;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets money spent over a range of UTC days, as cost records, in total or per day, by line item, project or key.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OpenAIUsage", DefaultParameterSetName = PeriodSet)]
    [OutputType(typeof(CostRecord))]
    public sealed class GetOpenAIUsageCommand : RangeReportCommand
    {
        private DateRange? _range;

        /// <summary>Total (one record per group for the range) or Daily (per day per group).</summary>
        [Parameter]
        public CostGranularity Granularity { get; set; } = CostGranularity.Total;

        /// <summary>Split costs by LineItem, Project and/or ApiKey (Project and ApiKey need an Admin key).</summary>
        [Parameter]
        [ValidateNotNull]
        public CostGroupBy[] GroupBy { get; set; } = Array.Empty<CostGroupBy>();

        protected override void PrepareArguments()
        {
            _range = ResolveDateRange();
            Verbose($"Reporting costs for {_range} ({_range.Days} days, UTC).");
        }

        internal override InputRequest CreateRequest(BillingCall call) =>
            new Request(call, _range!, Today, Granularity, new CostFilter { GroupBy = GroupBy, ProjectIds = ProjectId, ApiKeyIds = ApiKeyId });

        private sealed class Request : InputRequest
        {
            private readonly DateRange _range;
            private readonly DateTime _today;
            private readonly CostGranularity _granularity;
            private readonly CostFilter _filter;

            public Request(BillingCall call, DateRange range, DateTime today, CostGranularity granularity, CostFilter filter)
                : base(call)
            {
                _range = range;
                _today = today;
                _granularity = granularity;
                _filter = filter;
            }

            public override Task RunAsync(WorkItem item) => UsageQuery.RunAsync(Call, _range, _today, _granularity, _filter, item.Emit);
        }
    }
}
