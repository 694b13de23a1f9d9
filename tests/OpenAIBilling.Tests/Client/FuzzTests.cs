using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using OpenAIBilling.Admin;
using OpenAIBilling.Dates;
using OpenAIBilling.Errors;
using OpenAIBilling.Queries;
using OpenAIBilling.Sources;
using OpenAIBilling.Tests.Support;
using OpenAIBilling.Usage;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>
    /// Mutates every fixture (truncations, type swaps, huge numbers, NaN/Infinity, unicode, deep nesting) with a fixed
    /// seed and feeds each case to every parser: each must end in a parsed object or an OpenAIBilling error.
    /// </summary>
    public class FuzzTests
    {
        private const int CasesPerFixture = 300;
        private static readonly DateTime Today = DateTime.UtcNow.Date;
        private static readonly Regex Number = new Regex(@"-?\d+(\.\d+)?([eE][+-]?\d+)?");

        [Fact]
        public async Task Ten_thousand_mutated_fixtures_end_in_an_object_or_an_OpenAIBilling_error()
        {
            var random = new Random(20261129);
            var fixtures = Fixtures.All().Select(File.ReadAllText).ToList();
            int cases = 0;
            foreach (var fixture in fixtures)
            {
                for (int i = 0; i < CasesPerFixture; i++)
                {
                    string body = Mutate(fixture, random);
                    await ParseEverywhere(body, random.Next(Parsers.Length));
                    cases++;
                }
            }

            Assert.True(cases >= 10000, $"only {cases} cases ran");
        }

        private static readonly Func<FakeHandler, Task>[] Parsers =
        {
            h => BalanceQuery.GetAsync(TestCalls.Create("sk-relaytoken000000000000001234", TestCalls.NewRelay(), h), BalanceSource.Subscription, Today),
            h => BalanceQuery.GetAsync(TestCalls.Create("sess-abcdefghijklmnopqrstuvwx5678", TestCalls.OpenAI, h), BalanceSource.CreditGrants, Today),
            h => BalanceQuery.GetAsync(TestCalls.Create("sk-relaytoken000000000000001234", TestCalls.NewRelay(), h), BalanceSource.Balances, Today),
            h => BalanceQuery.GetAsync(TestCalls.Create("sk-admin-abcdefghijklmnopqrstuvwxyz4321", TestCalls.OpenAI, h), BalanceSource.SpendLimit, Today),
            h => UsageQuery.RunAsync(TestCalls.Create("sess-abcdefghijklmnopqrstuvwx5678", TestCalls.OpenAI, h),
                new DateRange(Today.AddDays(-3), Today), Today, CostGranularity.Daily, new CostFilter { GroupBy = new[] { CostGroupBy.LineItem } }, _ => { }),
            h => UsageQuery.RunAsync(TestCalls.Create("sk-admin-abcdefghijklmnopqrstuvwxyz4321", TestCalls.OpenAI, h),
                new DateRange(Today.AddDays(-3), Today), Today, CostGranularity.Total, new CostFilter { GroupBy = new[] { CostGroupBy.Project } }, _ => { }),
            h => TokenUsageQuery.RunAsync(TestCalls.Create("sk-admin-abcdefghijklmnopqrstuvwxyz4321", TestCalls.OpenAI, h),
                new TokenUsageRequest { Endpoint = UsageEndpoint.Completions, StartTime = Today.AddDays(-1), EndTime = Today }, _ => { }),
            h => CreditGrantQuery.GetAsync(TestCalls.Create("sess-abcdefghijklmnopqrstuvwx5678", TestCalls.OpenAI, h)),
            h => SpendAlertQuery.GetAsync(TestCalls.Create("sk-admin-abcdefghijklmnopqrstuvwxyz4321", TestCalls.OpenAI, h), null, Today),
        };

        private static async Task ParseEverywhere(string body, int parser)
        {
            // The same body answers every path, once; later pages are empty so paging always ends.
            int served = 0;
            var handler = new FakeHandler().On("/", _ => FakeHandler.Reply(200,
                System.Threading.Interlocked.Increment(ref served) <= 2 ? body : "{\"object\":\"page\",\"data\":[],\"has_more\":false}"));
            try
            {
                await Parsers[parser](handler);
            }
            catch (BillingException)
            {
                // An OpenAIBilling error is a fine end.
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Parser {parser} threw {ex.GetType().Name}: {ex.Message}\nBody: {body.Substring(0, Math.Min(body.Length, 400))}");
            }
        }

        private static string Mutate(string text, Random random)
        {
            switch (random.Next(9))
            {
                case 0: return text.Substring(0, random.Next(text.Length));
                case 1: return ReplaceNumber(text, random, "\"" + random.Next(1000) + ".5\"");
                case 2: return ReplaceNumber(text, random, new[] { "null", "true", "[]", "{}", "\"x\"", "[1,{\"a\":null}]" }[random.Next(6)]);
                case 3: return ReplaceNumber(text, random, new[] { "1e400", "-1e400", "99999999999999999999999999999999999", "1e-400", "18446744073709551616" }[random.Next(5)]);
                case 4: return ReplaceNumber(text, random, new[] { "NaN", "Infinity", "-Infinity" }[random.Next(3)]);
                case 5: return InsertAt(text, random, new[] { "\\ud800", "é", "\u202e", "\u0000", "😀", "\\u0000" }[random.Next(6)]);
                case 6: return ReplaceNumber(text, random, new string('[', 200) + new string(']', 200));
                case 7: return text.Replace("\"data\"", random.Next(2) == 0 ? "\"data\":null,\"x\"" : "\"datum\"");
                default: return Regex.Replace(text, "\"(object|results|line_items|grants|daily_costs|amount)\"", m => random.Next(3) == 0 ? "\"" + m.Groups[1].Value + "_\"" : m.Value);
            }
        }

        private static string ReplaceNumber(string text, Random random, string replacement)
        {
            var numbers = Number.Matches(text);
            if (numbers.Count == 0)
            {
                return text + replacement;
            }

            var match = numbers[random.Next(numbers.Count)];
            return text.Substring(0, match.Index) + replacement + text.Substring(match.Index + match.Length);
        }

        private static string InsertAt(string text, Random random, string insert)
        {
            int position = random.Next(text.Length + 1);
            return text.Substring(0, position) + insert + text.Substring(position);
        }
    }
}
