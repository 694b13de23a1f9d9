using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using OpenAIBilling.Errors;
using OpenAIBilling.Queries;
using OpenAIBilling.Tests.Support;
using OpenAIBilling.Usage;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    public class TokenUsageTests
    {
        private const string AdminKey = "sk-admin-abcdefghijklmnopqrstuvwxyz4321";
        private static readonly DateTimeOffset Start = new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData(UsageEndpoint.Completions, "usage-completions.openai-openapi.json")]
        [InlineData(UsageEndpoint.Completions, "usage-completions.openai-openapi-2025-06.json")]
        [InlineData(UsageEndpoint.Embeddings, "usage-embeddings.openai-openapi.json")]
        [InlineData(UsageEndpoint.Moderations, "usage-moderations.openai-openapi.json")]
        [InlineData(UsageEndpoint.Images, "usage-images.openai-openapi.json")]
        [InlineData(UsageEndpoint.AudioSpeeches, "usage-audio-speeches.openai-openapi.json")]
        [InlineData(UsageEndpoint.AudioTranscriptions, "usage-audio-transcriptions.openai-openapi.json")]
        [InlineData(UsageEndpoint.VectorStores, "usage-vector-stores.openai-openapi.json")]
        [InlineData(UsageEndpoint.CodeInterpreterSessions, "usage-code-interpreter-sessions.openai-openapi.json")]
        [InlineData(UsageEndpoint.FileSearchCalls, "usage-file-search-calls.openai-openapi.json")]
        [InlineData(UsageEndpoint.WebSearchCalls, "usage-web-search-calls.openai-openapi.json")]
        public async Task Every_usage_fixture_parses_into_records(UsageEndpoint endpoint, string fixture)
        {
            var handler = FirstPageThenEnd("/v1/organization/usage/", fixture);
            var records = new List<TokenUsageRecord>();
            var call = TestCalls.Create(AdminKey, TestCalls.OpenAI, handler);
            await TokenUsageQuery.RunAsync(call,
                new TokenUsageRequest { Endpoint = endpoint, StartTime = Start, EndTime = Start.AddDays(1) }, r => records.Add(call.Stamp(r)));

            var record = Assert.Single(records);
            Assert.Equal(Start, record.StartTime);
            Assert.Equal("sk-admin-...4321", record.KeyHint);
            Assert.True(record.InputTokens > 0 || record.Requests > 0 || record.ToolRequests > 0 || record.Images > 0
                        || record.Characters > 0 || record.Seconds > 0 || record.UsageBytes > 0 || record.Sessions > 0);
        }

        [Fact]
        public async Task Completions_fields_map_to_the_record()
        {
            var handler = FirstPageThenEnd("/v1/organization/usage/completions", "usage-completions.openai-openapi.json");
            var records = new List<TokenUsageRecord>();
            await TokenUsageQuery.RunAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler),
                new TokenUsageRequest { Endpoint = UsageEndpoint.Completions, StartTime = Start, EndTime = Start.AddDays(1) }, records.Add);
            var record = Assert.Single(records);
            Assert.Equal("completions", record.Endpoint);
            Assert.Equal(1000, record.InputTokens);
            Assert.Equal(500, record.OutputTokens);
            Assert.Equal(400, record.InputCachedTokens);
            Assert.Equal(5, record.Requests);
            Assert.Equal(2, handler.Count("/v1/organization/usage/completions"));
            Assert.Null(record.Images);
        }

        /// <summary>The fixture as page one (some say has_more), then an empty last page.</summary>
        private static FakeHandler FirstPageThenEnd(string path, string fixture) => new FakeHandler().On(path, request =>
            FakeHandler.Reply(200, request.RequestUri!.Query.Contains("page=")
                ? "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}"
                : Fixtures.Text(fixture)));

        [Theory]
        [InlineData(BucketWidth.Day, 365, 12, 31)]
        [InlineData(BucketWidth.Hour, 30, 5, 168)]
        [InlineData(BucketWidth.Minute, 3, 3, 1440)]
        public void Spans_split_into_windows_of_one_largest_page(BucketWidth width, int days, int windows, int firstBuckets)
        {
            var split = UsageWindows.Split(Start, Start.AddDays(days), width).ToList();
            Assert.Equal(split.Count, UsageWindows.Count(Start, Start.AddDays(days), width));
            Assert.Equal(windows, split.Count);
            Assert.Equal(firstBuckets, split[0].Buckets);
            Assert.All(split, w => Assert.InRange(w.Buckets, 1, UsageWindows.MaximumBuckets(width)));
            Assert.Equal(Start.AddDays(days), split[split.Count - 1].End);
        }

        [Fact]
        public void An_unaligned_start_never_overfills_a_window()
        {
            var start = Start.AddMinutes(30);
            var split = UsageWindows.Split(start, start.AddDays(8), BucketWidth.Hour).ToList();
            Assert.Equal(split.Count, UsageWindows.Count(start, start.AddDays(8), BucketWidth.Hour));
            Assert.All(split, w => Assert.InRange(w.Buckets, 1, 168));
            Assert.Equal(start, split[0].Start);
            Assert.Equal(Start.AddHours(168), split[0].End);
        }

        [Fact]
        public async Task Groups_and_filters_go_on_the_wire_as_the_SDK_sends_them()
        {
            var handler = new FakeHandler().On("/v1/organization/usage/completions", 200, "{\"object\":\"page\",\"data\":[],\"has_more\":false}");
            await TokenUsageQuery.RunAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), new TokenUsageRequest
            {
                Endpoint = UsageEndpoint.Completions,
                StartTime = Start,
                EndTime = Start.AddDays(2),
                GroupBy = new[] { TokenUsageGroupBy.Model, TokenUsageGroupBy.Project },
                Models = new[] { "gpt-4o" },
                ProjectIds = new[] { "proj_a", "proj_b" },
            }, _ => { });
            var uri = Assert.Single(handler.Uris("/v1/organization/usage/completions"));
            Assert.Contains("group_by%5B%5D=model&group_by%5B%5D=project_id", uri.AbsoluteUri);
            Assert.Contains("project_ids%5B%5D=proj_a&project_ids%5B%5D=proj_b", uri.AbsoluteUri);
            var query = HttpUtility.ParseQueryString(uri.Query);
            Assert.Equal("1d", query["bucket_width"]);
            Assert.Equal("2", query["limit"]);
        }

        [Theory]
        [InlineData(UsageEndpoint.VectorStores, TokenUsageGroupBy.Model)]
        [InlineData(UsageEndpoint.Embeddings, TokenUsageGroupBy.Batch)]
        [InlineData(UsageEndpoint.Completions, TokenUsageGroupBy.Size)]
        [InlineData(UsageEndpoint.FileSearchCalls, TokenUsageGroupBy.Model)]
        public void Groups_an_endpoint_does_not_accept_are_InvalidArgument(UsageEndpoint endpoint, TokenUsageGroupBy group)
        {
            var error = Assert.Throws<BillingException>(() => TokenUsageQuery.Validate(new TokenUsageRequest
            {
                Endpoint = endpoint, StartTime = Start, EndTime = Start.AddDays(1), GroupBy = new[] { group },
            }));
            Assert.Equal(BillingErrorId.InvalidArgument, error.ErrorId);
        }
    }
}
