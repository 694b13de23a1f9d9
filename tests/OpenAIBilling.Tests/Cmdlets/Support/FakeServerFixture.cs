using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using Xunit;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>
    /// Starts tests/OpenAIBilling.FakeServer as a real process on loopback for the cmdlet tests, and points the module
    /// at it: its "openai" host is treated as api.openai.com, and the default base URI is its relay (so nothing can
    /// default to the real OpenAI).
    /// </summary>
    public sealed class FakeServerFixture : IDisposable
    {
        private readonly Process _process;

        public FakeServerFixture()
        {
            string testBin = AppContext.BaseDirectory;
            string configuration = new DirectoryInfo(testBin).Parent!.Name;
            string dll = Path.GetFullPath(Path.Combine(testBin, "..", "..", "..", "..", "OpenAIBilling.FakeServer", "bin", configuration, "net10.0", "OpenAIBilling.FakeServer.dll"));
            string ready = Path.Combine(Path.GetTempPath(), "fakebilling-xunit-" + Guid.NewGuid().ToString("N") + ".json");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { dll, "--ready-file", ready, "--exit-on-stdin-close" })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start) ?? throw new InvalidOperationException("The fake server did not start.");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(ready))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("The fake server did not start (is it built? " + dll + ").");
                }

                Thread.Sleep(50);
            }

            using var urls = JsonDocument.Parse(File.ReadAllText(ready));
            File.Delete(ready);
            OpenAI = urls.RootElement.GetProperty("openai").GetString()!;
            Relay = urls.RootElement.GetProperty("relay").GetString()!;
            Balances = urls.RootElement.GetProperty("balances").GetString()!;
            Environment.SetEnvironmentVariable("OPENAIBILLING_OPENAI_HOSTS", new Uri(OpenAI).Authority);
            Environment.SetEnvironmentVariable("OPENAI_BASE_URL", Relay);
        }

        public string OpenAI { get; }

        public string Relay { get; }

        public string Balances { get; }

        /// <summary>The server's request log as JSON.</summary>
        public JsonElement Log()
        {
            using var client = new HttpClient();
            return JsonDocument.Parse(client.GetStringAsync(Relay + "/__log").GetAwaiter().GetResult()).RootElement.Clone();
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("OPENAIBILLING_OPENAI_HOSTS", null);
            Environment.SetEnvironmentVariable("OPENAI_BASE_URL", null);
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000))
                {
                    _process.Kill();
                }
            }

            _process.Dispose();
        }
    }

    /// <summary>
    /// The cmdlet tests: they change process-wide environment variables (the fixture's, and OPENAI_ADMIN_KEY for
    /// completion), so the collection runs alone, after the parallel client tests, never beside them.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class FakeServerCollection : ICollectionFixture<FakeServerFixture>
    {
        public const string Name = "fake server";
    }
}
