using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Queries
{
    /// <summary>
    /// Answers "how many tokens, requests, images…" from <c>/v1/organization/usage/{endpoint}</c>. The span is cut
    /// into windows of one largest page each (31 days of 1d buckets, 7 days of 1h, 1 day of 1m), made and fetched a
    /// throttle's worth ahead of the one being written; records are handed to <c>emit</c> window by window, in time
    /// order. One window failing for good cancels the others (<see cref="RequestGroup"/>).
    /// </summary>
    internal static class TokenUsageQuery
    {
        /// <summary>Windows held at once (each up to <see cref="PagedBuckets.MaximumResults"/> results), so memory stays bounded.</summary>
        private const int MaximumWindowsAhead = 8;

        /// <exception cref="BillingException"><c>InvalidArgument</c> for groups or filters the endpoint does not take, or an empty span.</exception>
        public static void Validate(TokenUsageRequest request)
        {
            var spec = UsageEndpointSpec.For(request.Endpoint);
            var badGroups = request.GroupBy.Where(g => !spec.Groups.Contains(g)).Distinct().ToList();
            if (badGroups.Count > 0)
            {
                throw Invalid($"The {spec.WireName} usage endpoint cannot be grouped by {string.Join(", ", badGroups)}; it accepts {string.Join(", ", spec.Groups)}.");
            }

            CheckFilter(spec, UsageFilter.Model, request.Models, "-Model");
            CheckFilter(spec, UsageFilter.Project, request.ProjectIds, "-ProjectId");
            CheckFilter(spec, UsageFilter.ApiKey, request.ApiKeyIds, "-ApiKeyId");
            CheckFilter(spec, UsageFilter.User, request.UserIds, "-UserId");
            if (request.EndTime <= request.StartTime)
            {
                throw new BillingException(BillingErrorId.InvalidDateRange,
                    $"The end ({request.EndTime:u}) is not after the start ({request.StartTime:u}).",
                    Advice.Of(AdviceKind.EndTimeNotAfterStartTime));
            }
        }

        public static async Task RunAsync(BillingCall call, TokenUsageRequest request, Action<TokenUsageRecord> emit)
        {
            Validate(request);
            var spec = UsageEndpointSpec.For(request.Endpoint);
            string path = "/v1/organization/usage/" + spec.WireName;
            int total = (int)Math.Min(int.MaxValue, UsageWindows.Count(request.StartTime, request.EndTime, request.BucketWidth));
            int ahead = Math.Min(Math.Max(2, call.Settings.Throttle.Limit), MaximumWindowsAhead);
            var group = new RequestGroup(call);
            var started = new Queue<Task<List<Bucket<TokenUsageRecord>>>>();
            using (var windows = UsageWindows.Split(request.StartTime, request.EndTime, request.BucketWidth).GetEnumerator())
            {
                // Windows are made and started as they are needed: a few ahead of the one being written, never all.
                for (int done = 0; ; done++)
                {
                    while (started.Count < ahead && windows.MoveNext())
                    {
                        var window = windows.Current;
                        started.Enqueue(group.RunAsync(c => PagedBuckets.GetAllAsync(c, path, Query(request, window), spec.WireName + " usage page", UsageResult.Parse)));
                    }

                    if (started.Count == 0)
                    {
                        return;
                    }

                    var buckets = await started.Dequeue().ConfigureAwait(false);
                    UsageQuery.ReportWindow(call, done + 1, total);
                    Emit(spec, buckets, emit);
                }
            }
        }

        private static void Emit(UsageEndpointSpec spec, List<Bucket<TokenUsageRecord>> buckets, Action<TokenUsageRecord> emit)
        {
            foreach (var bucket in buckets)
            {
                foreach (var record in bucket.Results)
                {
                    record.StartTime = bucket.Start;
                    record.EndTime = bucket.End;
                    record.Endpoint = spec.WireName;
                    emit(record);
                }
            }
        }

        private static QueryString Query(TokenUsageRequest request, TimeWindow window) => new QueryString()
            .Add("start_time", UnixTime.Seconds(window.Start))
            .Add("end_time", UnixTime.Seconds(window.End))
            .Add("bucket_width", UsageWindows.WireWidth(request.BucketWidth))
            .Add("limit", window.Buckets)
            .AddArray("group_by", request.GroupBy.Distinct().Select(UsageEndpointSpec.WireGroup))
            .AddArray("models", request.Models)
            .AddArray("project_ids", request.ProjectIds)
            .AddArray("api_key_ids", request.ApiKeyIds)
            .AddArray("user_ids", request.UserIds);

        private static void CheckFilter(UsageEndpointSpec spec, UsageFilter filter, IReadOnlyCollection<string> values, string parameter)
        {
            if (values.Count > 0 && !spec.Filters.Contains(filter))
            {
                throw Invalid($"The {spec.WireName} usage endpoint cannot be filtered by {parameter}.");
            }
        }

        private static BillingException Invalid(string message) =>
            new BillingException(BillingErrorId.InvalidArgument, message, Advice.Of(AdviceKind.GroupingNotTaken));
    }
}
