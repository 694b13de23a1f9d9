using System.Collections.Generic;
using OpenAIBilling.Http;

namespace OpenAIBilling.Admin
{
    /// <summary>One page of a list as <see cref="Pager"/> needs it: its items, whether more follow, and where.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, bool hasMore, string? next, ApiResponse response)
        {
            Items = items;
            HasMore = hasMore;
            Next = next;
            Response = response;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>The server says another page follows.</summary>
        public bool HasMore { get; }

        /// <summary>The cursor to ask for the next page; a list that claims more without a new one does not end.</summary>
        public string? Next { get; }

        /// <summary>The answer the page came in, for messages.</summary>
        public ApiResponse Response { get; }
    }
}
