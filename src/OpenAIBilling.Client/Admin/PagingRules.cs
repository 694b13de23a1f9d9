using System;
using OpenAIBilling.Errors;

namespace OpenAIBilling.Admin
{
    /// <summary>How one list is paged by <see cref="Pager"/>: how many pages at most, and what a list that does not end comes to.</summary>
    internal sealed class PagingRules<T>
    {
        /// <param name="maximumPages">How many pages at most.</param>
        /// <param name="endlessIsError">
        /// True: a page that claims more without a new cursor (<paramref name="stalled"/>), or a list still claiming
        /// more after <paramref name="maximumPages"/> (<paramref name="tooManyPages"/>), is an error. False: what was
        /// read so far is the answer.
        /// </param>
        /// <param name="stalled">The error for a page that claims more but gives no new cursor.</param>
        /// <param name="tooManyPages">The error for a list still claiming more after the last page allowed.</param>
        /// <param name="resultCap">What the items read may hold at most; null: no cap but the pages'.</param>
        public PagingRules(int maximumPages, bool endlessIsError, Func<Page<T>, BillingException> stalled, Func<BillingException> tooManyPages, ResultCap<T>? resultCap = null)
        {
            MaximumPages = maximumPages;
            EndlessIsError = endlessIsError;
            Stalled = stalled;
            TooManyPages = tooManyPages;
            ResultCap = resultCap;
        }

        public int MaximumPages { get; }

        public bool EndlessIsError { get; }

        public Func<Page<T>, BillingException> Stalled { get; }

        public Func<BillingException> TooManyPages { get; }

        public ResultCap<T>? ResultCap { get; }
    }

    /// <summary>A cap on the results the items of a list hold together: past it the list ends in an error, never in unbounded memory.</summary>
    internal sealed class ResultCap<T>
    {
        /// <param name="maximum">More results than this are refused.</param>
        /// <param name="resultsIn">How many results one item holds.</param>
        /// <param name="exceeded">The error, given how many pages were read.</param>
        public ResultCap(long maximum, Func<T, int> resultsIn, Func<int, BillingException> exceeded)
        {
            Maximum = maximum;
            ResultsIn = resultsIn;
            Exceeded = exceeded;
        }

        public long Maximum { get; }

        public Func<T, int> ResultsIn { get; }

        public Func<int, BillingException> Exceeded { get; }
    }
}
