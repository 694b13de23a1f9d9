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
    /// The Administration API's cursor lists (<c>{data: [...], has_more, last_id}</c>): every page, asking
    /// <c>limit=100</c> and then <c>after</c> = the page's last id until <c>has_more</c> is false (<see cref="Pager"/>).
    /// </summary>
    internal static class CursorPages
    {
        private const int PageSize = 100;

        /// <param name="call">Who asks whom.</param>
        /// <param name="path">The list's path, without a query.</param>
        /// <param name="what">What the list is, for messages ("project list").</param>
        /// <param name="parseItem">One entry of <c>data</c>; null leaves it out.</param>
        /// <param name="idOf">An entry's id, the cursor when the page gives no <c>last_id</c>.</param>
        /// <param name="maximumPages">How many pages at most.</param>
        /// <param name="endlessIsError">
        /// True: a list that claims more without a new cursor, or goes past <paramref name="maximumPages"/>, is
        /// <c>InvalidResponse</c>. False: what was read so far is the answer (Tab completion).
        /// </param>
        public static Task<List<T>> ReadAllAsync<T>(BillingCall call, string path, string what, Func<JsonElement, T?> parseItem,
            Func<T, string?> idOf, int maximumPages, bool endlessIsError)
            where T : class
        {
            var rules = new PagingRules<T>(
                maximumPages,
                endlessIsError,
                stalled: page => JsonBody.InvalidShape(page.Response, what, "has_more is true but the page gives no new last id to continue after"),
                tooManyPages: () => new BillingException(BillingErrorId.InvalidResponse,
                    $"{call.Host.Display} kept answering has_more after {maximumPages} pages of {path}.",
                    "Try again later; the list should end."));
            return Pager.ReadAllAsync(async after =>
            {
                var query = new QueryString().Add("limit", PageSize).Add("after", after);
                var verdict = await BillingTransport.GetAsync(call, Endpoint.Admin, path + query).ConfigureAwait(false);
                var (items, hasMore, last) = ResponseErrors.Read(call, verdict, what, root => Parse(root, parseItem, idOf));
                return new Page<T>(items, hasMore, last, verdict.Response);
            }, rules);
        }

        private static (List<T>, bool, string?) Parse<T>(JsonElement root, Func<JsonElement, T?> parseItem, Func<T, string?> idOf)
            where T : class
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BodyShapeException("the body is not a JSON object");
            }

            var data = JsonRead.Array(root, "data") ?? throw new BodyShapeException("it has no data array");
            var items = new List<T>();
            foreach (var entry in data.EnumerateArray())
            {
                var item = parseItem(entry);
                if (item != null)
                {
                    items.Add(item);
                }
            }

            string? last = JsonRead.String(root, "last_id") ?? (items.Count > 0 ? idOf(items[items.Count - 1]) : null);
            return (items, JsonRead.Bool(root, "has_more") ?? false, last);
        }
    }
}
