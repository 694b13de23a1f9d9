using System;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Dates;
using OpenAIBilling.Http;
using OpenAIBilling.Queries;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets tokens, requests, images and other usage per time bucket from the organization usage API (Admin key).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OpenAITokenUsage", DefaultParameterSetName = PeriodSet)]
    [OutputType(typeof(TokenUsageRecord))]
    public sealed class GetOpenAITokenUsageCommand : RangeReportCommand
    {
        private const string TimeSet = "TimeRange";
        private TokenUsageRequest? _usage;

        /// <summary>Which usage endpoint to read.</summary>
        [Parameter]
        public UsageEndpoint Endpoint { get; set; } = UsageEndpoint.Completions;

        /// <summary>The width of each bucket.</summary>
        [Parameter]
        public BucketWidth BucketWidth { get; set; } = BucketWidth.Day;

        /// <summary>The first instant (inclusive); default the first day (UTC) of -EndTime's month.</summary>
        [Parameter(ParameterSetName = TimeSet)]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end instant (exclusive); default now.</summary>
        [Parameter(ParameterSetName = TimeSet)]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>Split usage by these fields (each endpoint accepts some).</summary>
        [Parameter]
        [ValidateNotNull]
        public TokenUsageGroupBy[] GroupBy { get; set; } = Array.Empty<TokenUsageGroupBy>();

        /// <summary>Only these models.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] Model { get; set; } = Array.Empty<string>();

        /// <summary>Only these users.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] UserId { get; set; } = Array.Empty<string>();

        protected override void PrepareArguments()
        {
            DateTimeOffset start, end;
            if (ParameterSetName == TimeSet)
            {
                end = MyInvocation.BoundParameters.ContainsKey(nameof(EndTime)) ? EndTime : DateTimeOffset.UtcNow;
                start = MyInvocation.BoundParameters.ContainsKey(nameof(StartTime)) ? StartTime : DateRangeResolver.MonthStart(end);
            }
            else
            {
                DateRange range = ResolveDateRange();
                start = new DateTimeOffset(range.Start, TimeSpan.Zero);
                end = new DateTimeOffset(range.EndExclusive, TimeSpan.Zero);
            }

            _usage = new TokenUsageRequest
            {
                Endpoint = Endpoint,
                BucketWidth = BucketWidth,
                StartTime = start,
                EndTime = end,
                GroupBy = GroupBy,
                Models = Model,
                ProjectIds = ProjectId,
                ApiKeyIds = ApiKeyId,
                UserIds = UserId,
            };
            TokenUsageQuery.Validate(_usage);
        }

        internal override InputRequest CreateRequest(BillingCall call) => new Request(call, _usage!);

        private sealed class Request : InputRequest
        {
            private readonly TokenUsageRequest _usage;

            public Request(BillingCall call, TokenUsageRequest usage)
                : base(call)
            {
                _usage = usage;
            }

            public override Task RunAsync(WorkItem item) => TokenUsageQuery.RunAsync(Call, _usage, item.Emit);
        }
    }
}
