using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// The one paging loop of the Administration API: asks for the first page, keeps its items, and asks again with
    /// the cursor that page gave until one says it is the last (docs/DESIGN.md, "HTTP behaviour"). Each list keeps
    /// its own cursor (<see cref="PagedBuckets"/>: <c>page</c> = <c>next_page</c>; <see cref="CursorPages"/>:
    /// <c>after</c> = the last id), caps and rule for a list that does not end, given as <see cref="PagingRules{T}"/>.
    /// </summary>
    internal static class Pager
    {
        /// <param name="getPage">Asks for the page at a cursor (null: the first page).</param>
        /// <param name="rules">When to stop short, and with which error.</param>
        public static async Task<List<T>> ReadAllAsync<T>(Func<string?, Task<Page<T>>> getPage, PagingRules<T> rules)
        {
            var all = new List<T>();
            string? cursor = null;
            long results = 0;
            for (int page = 0; page < rules.MaximumPages; page++)
            {
                var current = await getPage(cursor).ConfigureAwait(false);
                all.AddRange(current.Items);
                if (rules.ResultCap != null)
                {
                    foreach (var item in current.Items)
                    {
                        results += rules.ResultCap.ResultsIn(item);
                    }

                    if (results > rules.ResultCap.Maximum)
                    {
                        throw rules.ResultCap.Exceeded(page + 1);
                    }
                }

                if (!current.HasMore)
                {
                    return all;
                }

                if (current.Next == null || current.Next == cursor)
                {
                    return rules.EndlessIsError ? throw rules.Stalled(current) : all;
                }

                cursor = current.Next;
            }

            return rules.EndlessIsError ? throw rules.TooManyPages() : all;
        }
    }
}
