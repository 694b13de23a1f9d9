using System;
using System.Net.Http;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>Builds calls against a <see cref="FakeHandler"/>. Each test gets its own host name, since hosts are remembered.</summary>
    internal static class TestCalls
    {
        public const string OpenAI = "https://api.openai.com";

        public static string NewRelay() => "https://relay-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".example";

        public static BillingCall Create(string key, string baseUri, FakeHandler handler, int retries = 0, CollectingLog? log = null) =>
            new BillingCall(ApiKey.Parse(key), BillingHost.Parse(new Uri(baseUri)), new RequestSettings
            {
                Client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan },
                MaximumRetryCount = retries,
                RetryIntervalSec = null,
                Log = (IBillingLog?)log ?? NullBillingLog.Instance,
            }, name: "test");
    }

    /// <summary>Keeps every message the client logs.</summary>
    internal sealed class CollectingLog : IBillingLog
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public bool WantsVerbose => true;

        public bool WantsDebug => true;

        public void Verbose(string message) => Messages.Enqueue("VERBOSE: " + message);

        public void Debug(string message) => Messages.Enqueue("DEBUG: " + message);

        public void Warning(string message) => Messages.Enqueue("WARNING: " + message);

        public void WindowProgress(int done, int total) => Messages.Enqueue($"PROGRESS: {done}/{total}");
    }
}
