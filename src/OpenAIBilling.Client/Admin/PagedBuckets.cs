using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Json;
using OpenAIBilling.Responses;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// Fetches one window of an organization bucket API, following <c>next_page</c> until <c>has_more</c> is false
    /// (<see cref="Pager"/>). A window's pages are kept until it is complete, so what one window may hold is capped,
    /// whatever a server sends: past the cap the window ends in a clear <c>InvalidResponse</c>, never in unbounded memory.
    /// </summary>
    internal static class PagedBuckets
    {
        /// <summary>A server that keeps answering has_more past this many pages is not trusted to end.</summary>
        private const int MaximumPages = 10000;

        /// <summary>More results than this in one window (one day of minutes for 170 groups) end the window.</summary>
        public const int MaximumResults = 250000;

        public static Task<List<Bucket<T>>> GetAllAsync<T>(BillingCall call, string path, QueryString query, string what, Func<JsonElement, T> parseResult)
        {
            string baseQuery = query.ToString();
            var rules = new PagingRules<Bucket<T>>(
                MaximumPages,
                endlessIsError: true,
                stalled: page => JsonBody.InvalidShape(page.Response, what, "next_page repeats the cursor just used, so paging would never end"),
                tooManyPages: () => new BillingException(BillingErrorId.InvalidResponse,
                    $"{call.Host.Display} kept answering has_more after {MaximumPages} pages of {path}.",
                    "Ask for a shorter range."),
                resultCap: new ResultCap<Bucket<T>>(MaximumResults, bucket => bucket.Results.Count, pages => new BillingException(BillingErrorId.InvalidResponse,
                    $"{call.Host.Display} sent more than {MaximumResults} results for one window of {path} (after {pages} pages); the answer was refused rather than held in memory.",
                    Advice.Of(AdviceKind.TooManyResults))));
            return Pager.ReadAllAsync(async cursor =>
            {
                string pathAndQuery = path + baseQuery + (cursor == null ? string.Empty : "&page=" + Uri.EscapeDataString(cursor));
                var verdict = await BillingTransport.GetAsync(call, Endpoint.Admin, pathAndQuery).ConfigureAwait(false);
                var parsed = ResponseErrors.Read(call, verdict, what, root => BucketPage<T>.Parse(root, parseResult));
                return new Page<Bucket<T>>(parsed.Buckets, parsed.NextPage != null, parsed.NextPage, verdict.Response);
            }, rules);
        }
    }
}
