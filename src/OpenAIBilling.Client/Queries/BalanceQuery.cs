using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Responses;
using OpenAIBilling.Sources;

namespace OpenAIBilling.Queries
{
    /// <summary>
    /// Answers "how much is left" for one key (docs/DESIGN.md#sources-and-the-auto-rules). Auto walks the sources that fit the key kind and host,
    /// moving on only when a source does not apply (404/405, the legacy "session key" 403, an admin endpoint's
    /// 401/403 for a key that is not an admin key: <see cref="ResponseClassifier"/> says which failure is one); any
    /// other failure ends the walk with its own error. A relay's "quota used up" refusal is an answer: Status Exhausted.
    /// </summary>
    internal static class BalanceQuery
    {
        private static readonly IBalanceSource Balances = new BalancesEndpointSource();
        private static readonly IBalanceSource SpendLimit = new SpendLimitSource();
        private static readonly IBalanceSource Subscription = new SubscriptionSource();
        private static readonly IBalanceSource CreditGrants = new CreditGrantsSource();

        public static async Task<Balance> GetAsync(BillingCall call, BalanceSource choice, DateTime today)
        {
            var sources = choice == BalanceSource.Auto ? Plan(call.Key.Kind, call.Host) : new[] { For(choice) };
            var tried = new List<string>();
            foreach (var source in sources)
            {
                try
                {
                    var balance = await source.GetAsync(call, today).ConfigureAwait(false);
                    balance.RetrievedAt = DateTimeOffset.UtcNow;
                    if (balance.ExpiresAt < balance.RetrievedAt)
                    {
                        balance.Status = BalanceStatus.Expired;
                    }

                    call.Settings.Log.Verbose($"the {source.Kind} source answered.");
                    return Finish(source, balance);
                }
                catch (BillingException ex) when (ex.TokenUsedUp)
                {
                    call.Settings.Log.Warning($"{call.Key.Hint}: {call.Host.Display} refuses the token because its quota is used up; it is reported with Status Exhausted and AvailableUsd 0.");
                    return Finish(source, new Balance
                    {
                        Status = BalanceStatus.Exhausted,
                        AvailableUsd = 0m,
                        RetrievedAt = DateTimeOffset.UtcNow,
                    });
                }
                catch (BillingException ex) when (choice == BalanceSource.Auto && ex.SourceDoesNotApply)
                {
                    call.Settings.Log.Verbose($"the {source.Kind} source does not apply ({ex.ErrorId}); trying the next.");
                    tried.Add($"{source.Kind} ({ex.Message})");
                }
            }

            throw NotAvailable(call, tried);
        }

        private static Balance Finish(IBalanceSource source, Balance balance)
        {
            balance.Source = source.Kind.ToString();
            return balance;
        }

        /// <summary>The sources Auto tries for this key kind and host, in order.</summary>
        internal static IReadOnlyList<IBalanceSource> Plan(KeyKind kind, BillingHost host)
        {
            switch (kind)
            {
                case KeyKind.Admin:
                    return new[] { SpendLimit };
                case KeyKind.Session:
                    return host.IsOpenAI ? new[] { Subscription, CreditGrants } : new[] { Balances, Subscription, CreditGrants };
                default:
                    return host.IsOpenAI ? new[] { Subscription } : new[] { Balances, Subscription };
            }
        }

        private static IBalanceSource For(BalanceSource choice)
        {
            switch (choice)
            {
                case BalanceSource.Balances: return Balances;
                case BalanceSource.SpendLimit: return SpendLimit;
                case BalanceSource.Subscription: return Subscription;
                case BalanceSource.CreditGrants: return CreditGrants;
                default: throw new ArgumentOutOfRangeException(nameof(choice));
            }
        }

        private static BillingException NotAvailable(BillingCall call, List<string> tried)
        {
            var message = new StringBuilder();
            message.Append($"No source can tell the balance of {call.Key.Hint} at {call.Host.Display}. Tried: ");
            message.Append(string.Join("; ", tried)).Append('.');
            Advice action;
            if (call.Host.IsOpenAI)
            {
                message.Append(" OpenAI answers balance questions only to an Admin key (sk-admin-…, through the spend limit and costs APIs) or a browser session key (sess-…, through the dashboard billing endpoints).");
                action = Advice.Of(AdviceKind.AdminOrSessionKeyNeeded);
            }
            else
            {
                message.Append(" This host serves neither /v1/balances nor the dashboard billing endpoints for this key.");
                action = Advice.Of(AdviceKind.RelayBalanceUnknown);
            }

            return new BillingException(BillingErrorId.BalanceNotAvailable, message.ToString(), action);
        }
    }
}
