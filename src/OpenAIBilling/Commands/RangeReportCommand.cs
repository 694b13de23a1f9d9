using System;
using System.Management.Automation;
using OpenAIBilling.Commands.Parameters;
using OpenAIBilling.Dates;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// The cmdlets that report over a range of UTC days — <c>-Period</c>, or <c>-StartDate</c> and <c>-EndDate</c>
    /// turned into one <see cref="DateRange"/> (docs/DESIGN.md, "Dates and windows") — and filter by project and API key.
    /// </summary>
    public abstract class RangeReportCommand : BillingCommand
    {
        protected const string PeriodSet = "Period";
        protected const string DateSet = "DateRange";

        /// <summary>A named range of UTC days; default ThisMonth.</summary>
        [Parameter(ParameterSetName = PeriodSet)]
        public Period Period { get; set; } = Period.ThisMonth;

        /// <summary>The first UTC day (inclusive); a Local time is converted to UTC first. Default: the first day of -EndDate's month.</summary>
        [Parameter(ParameterSetName = DateSet)]
        public DateTime StartDate { get; set; }

        /// <summary>The last UTC day (inclusive); default today. A date after today is clamped to today.</summary>
        [Parameter(ParameterSetName = DateSet)]
        public DateTime EndDate { get; set; }

        /// <summary>Only these projects (Admin key).</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string[] ProjectId { get; set; } = Array.Empty<string>();

        /// <summary>Only these API key ids (Admin key).</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] ApiKeyId { get; set; } = Array.Empty<string>();

        /// <summary>The days asked for; a <c>BillingException</c> (<c>InvalidDateRange</c>) when they make no sense.</summary>
        private protected DateRange ResolveDateRange()
        {
            if (ParameterSetName != DateSet)
            {
                return DateRangeResolver.FromPeriod(Period, Today);
            }

            DateTime? start = MyInvocation.BoundParameters.ContainsKey(nameof(StartDate)) ? StartDate : (DateTime?)null;
            DateTime? end = MyInvocation.BoundParameters.ContainsKey(nameof(EndDate)) ? EndDate : (DateTime?)null;
            var range = DateRangeResolver.FromDates(start, end, Today, out bool clamped);
            if (clamped)
            {
                Verbose($"-EndDate is after today (UTC); using {DateRange.Format(range.End)}.");
            }

            return range;
        }
    }
}
