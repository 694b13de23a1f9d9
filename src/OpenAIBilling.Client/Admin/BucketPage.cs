using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenAIBilling.Json;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// One page of the organization costs or usage API: time buckets, each with its results, and the cursor to the
    /// next page. Results are kept as JSON for the caller's parser; <c>object</c> names are not matched exactly.
    /// </summary>
    internal sealed class BucketPage<T>
    {
        private BucketPage(IReadOnlyList<Bucket<T>> buckets, string? nextPage)
        {
            Buckets = buckets;
            NextPage = nextPage;
        }

        public IReadOnlyList<Bucket<T>> Buckets { get; }

        /// <summary>The cursor to ask for next; null when this is the last page.</summary>
        public string? NextPage { get; }

        public static BucketPage<T> Parse(JsonElement root, Func<JsonElement, T> parseResult)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BodyShapeException("the body is not a JSON object");
            }

            var data = JsonRead.Array(root, "data") ?? throw new BodyShapeException("it has no data array");
            var buckets = new List<Bucket<T>>();
            foreach (var item in data.EnumerateArray())
            {
                var start = JsonRead.UnixTime(item, "start_time") ?? throw new BodyShapeException("a bucket has no usable start_time");
                var end = JsonRead.UnixTime(item, "end_time") ?? start;
                var results = new List<T>();
                var resultArray = JsonRead.Array(item, "results") ?? JsonRead.Array(item, "result");
                if (resultArray.HasValue)
                {
                    foreach (var result in resultArray.Value.EnumerateArray())
                    {
                        if (result.ValueKind != JsonValueKind.Object)
                        {
                            throw new BodyShapeException("a result is not an object");
                        }

                        results.Add(parseResult(result));
                    }
                }

                buckets.Add(new Bucket<T>(start, end, results));
            }

            bool hasMore = JsonRead.Bool(root, "has_more") ?? false;
            string? next = JsonRead.String(root, "next_page");
            if (hasMore && string.IsNullOrEmpty(next))
            {
                throw new BodyShapeException("has_more is true but next_page is missing");
            }

            return new BucketPage<T>(buckets, hasMore ? next : null);
        }
    }

    /// <summary>One time bucket and its results.</summary>
    internal sealed class Bucket<T>
    {
        public Bucket(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<T> results)
        {
            Start = start;
            End = end;
            Results = results;
        }

        public DateTimeOffset Start { get; }

        public DateTimeOffset End { get; }

        public IReadOnlyList<T> Results { get; }
    }
}
