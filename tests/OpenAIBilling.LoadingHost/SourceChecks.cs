using System;
using System.Runtime.CompilerServices;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>
    /// Drives the client loaded from bin/ through each balance source against the fake server. The first call is
    /// what makes the runtime load System.Text.Json and its closure: through the module's resolver, or not at all.
    /// Kept out of <see cref="Program"/> so that no client type is touched before the resolver is hooked.
    /// </summary>
    internal static class SourceChecks
    {
        private const string RelayKey = "sk-relayok0000000000000000001";
        private const string AdminKey = "sk-admin-org0000000000000000001";
        private const string SessionKey = "sess-paid00000000000000000001";

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static bool RuntimeCountsAsNetFramework() => ClrRuntime.IsNetFramework;

        /// <summary>A type of the client, for code emitted at run time to use.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Type AClientType() => typeof(ClrRuntime);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Run(CheckList checks, FakeServer server)
        {
            Environment.SetEnvironmentVariable(BillingHost.OpenAIAliasVariable, new Uri(server.OpenAI).Authority);

            checks.Run("Balances: a relay's /v1/balances answers", () => Expect(RelayKey, server.Balances, BalanceSource.Balances));
            checks.Run("SpendLimit: an Admin key on the OpenAI host (spend limit and costs)", () => Expect(AdminKey, server.OpenAI, BalanceSource.SpendLimit));
            checks.Run("Subscription: a relay's legacy subscription and usage", () => Expect(RelayKey, server.Relay, BalanceSource.Subscription));
            checks.Run("CreditGrants: a session key's credit grants on the OpenAI host", () => Expect(SessionKey, server.OpenAI, BalanceSource.CreditGrants));
            checks.Run("Auto: a relay without /v1/balances falls through to Subscription", () => Expect(RelayKey, server.Relay, BalanceSource.Auto, expectedSource: BalanceSource.Subscription));
        }

        private static void Expect(string key, string baseUri, BalanceSource source, BalanceSource? expectedSource = null)
        {
            var call = new BillingCall(ApiKey.Parse(key), BillingHost.Parse(new Uri(baseUri)), new RequestSettings { TimeoutSec = 30, MaximumRetryCount = 0 }, "loading-test");
            var balance = BalanceQuery.GetAsync(call, source, DateTime.UtcNow.Date).GetAwaiter().GetResult();

            string expected = (expectedSource ?? source).ToString();
            CheckFailedException.Unless(balance.Source == expected, $"the {balance.Source} source answered, not {expected}");
            CheckFailedException.Unless(balance.AvailableUsd != null || balance.IsUnlimited, "the answer has no AvailableUsd");
            Console.WriteLine($"      {balance.Source}: {balance.AvailableUsd} USD available, {balance.UsedUsd} USD used ({call.Key.Hint})");
        }
    }
}
