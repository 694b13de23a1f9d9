using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The one paging loop and its stop rules, with pages made in memory.</summary>
    public class PagerTests
    {
        private static readonly ApiResponse Ok = new ApiResponse(200, Array.Empty<byte>(), new Dictionary<string, string>(), new Uri("https://x.example/"));

        private static Page<int> P(bool hasMore, string? next, params int[] items) => new Page<int>(items, hasMore, next, Ok);

        private static PagingRules<int> Rules(int maximumPages = 10, bool endlessIsError = true, ResultCap<int>? cap = null) =>
            new PagingRules<int>(maximumPages, endlessIsError,
                page => new BillingException(BillingErrorId.InvalidResponse, "stalled after " + string.Join(",", page.Items), "x"),
                () => new BillingException(BillingErrorId.InvalidResponse, "too many pages", "x"),
                cap);

        /// <summary>Serves the pages in order and records the cursor each was asked for with.</summary>
        private static Func<string?, Task<Page<int>>> Serve(List<string?> asked, params Page<int>[] pages) => cursor =>
        {
            asked.Add(cursor);
            return Task.FromResult(pages[Math.Min(asked.Count, pages.Length) - 1]);
        };

        [Fact]
        public async Task Each_page_is_asked_with_the_cursor_the_last_one_gave_until_one_says_it_is_the_last()
        {
            var asked = new List<string?>();
            var all = await Pager.ReadAllAsync(Serve(asked, P(true, "a", 1, 2), P(true, "b", 3), P(false, null, 4)), Rules());
            Assert.Equal(new[] { 1, 2, 3, 4 }, all);
            Assert.Equal(new string?[] { null, "a", "b" }, asked);
        }

        [Fact]
        public async Task The_last_page_ends_the_list_whatever_cursor_it_gives()
        {
            var asked = new List<string?>();
            var all = await Pager.ReadAllAsync(Serve(asked, P(true, "a", 1), P(false, "a", 2)), Rules());
            Assert.Equal(new[] { 1, 2 }, all);
            Assert.Equal(2, asked.Count);
        }

        [Theory]
        [InlineData("a")]
        [InlineData(null)]
        public async Task A_page_that_claims_more_without_a_new_cursor_is_stalled(string? next)
        {
            var asked = new List<string?>();
            var error = await Assert.ThrowsAsync<BillingException>(() => Pager.ReadAllAsync(Serve(asked, P(true, "a", 1), P(true, next, 2)), Rules()));
            Assert.Equal("stalled after 2", error.Message);
            Assert.Equal(2, asked.Count);

            asked.Clear();
            Assert.Equal(new[] { 1, 2 }, await Pager.ReadAllAsync(Serve(asked, P(true, "a", 1), P(true, next, 2)), Rules(endlessIsError: false)));
            Assert.Equal(2, asked.Count);
        }

        [Fact]
        public async Task A_list_still_claiming_more_after_the_last_page_allowed_ends_there()
        {
            int served = 0;
            Func<string?, Task<Page<int>>> endless = cursor => Task.FromResult(P(true, "c" + ++served, served));
            var error = await Assert.ThrowsAsync<BillingException>(() => Pager.ReadAllAsync(endless, Rules(maximumPages: 3)));
            Assert.Equal("too many pages", error.Message);
            Assert.Equal(3, served);

            served = 0;
            Assert.Equal(new[] { 1, 2, 3 }, await Pager.ReadAllAsync(endless, Rules(maximumPages: 3, endlessIsError: false)));
            Assert.Equal(3, served);
        }

        [Fact]
        public async Task Results_up_to_the_cap_are_kept_and_one_more_ends_the_list_naming_the_pages_read()
        {
            var cap = new ResultCap<int>(5, item => item, pages => new BillingException(BillingErrorId.InvalidResponse, "over the cap after " + pages + " pages", "x"));
            var asked = new List<string?>();
            Assert.Equal(new[] { 2, 3 }, await Pager.ReadAllAsync(Serve(asked, P(true, "a", 2), P(false, null, 3)), Rules(cap: cap)));

            asked.Clear();
            var error = await Assert.ThrowsAsync<BillingException>(() => Pager.ReadAllAsync(Serve(asked, P(true, "a", 2), P(true, "b", 3, 1), P(false, null, 9)), Rules(cap: cap)));
            Assert.Equal("over the cap after 2 pages", error.Message);
            Assert.Equal(2, asked.Count);
        }

        [Fact]
        public async Task The_cap_is_checked_before_a_stalled_page_and_before_the_last()
        {
            var cap = new ResultCap<int>(1, item => item, pages => new BillingException(BillingErrorId.InvalidResponse, "cap", "x"));
            var stalled = await Assert.ThrowsAsync<BillingException>(() => Pager.ReadAllAsync(Serve(new List<string?>(), P(true, null, 2)), Rules(cap: cap)));
            Assert.Equal("cap", stalled.Message);
            var last = await Assert.ThrowsAsync<BillingException>(() => Pager.ReadAllAsync(Serve(new List<string?>(), P(false, null, 2)), Rules(cap: cap)));
            Assert.Equal("cap", last.Message);
        }
    }
}
