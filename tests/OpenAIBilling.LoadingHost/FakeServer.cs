using System;
using System.Diagnostics;
using System.Linq;

namespace OpenAIBilling.LoadingHost
{
    /// <summary>tests/OpenAIBilling.FakeServer as a real process on loopback, as the Pester tests run it (its README).</summary>
    internal sealed class FakeServer : IDisposable
    {
        private readonly Process _process;

        public FakeServer(string serverDll)
        {
            var start = new ProcessStartInfo("dotnet", "\"" + serverDll + "\" --exit-on-stdin-close")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            _process = Process.Start(start) ?? throw new InvalidOperationException("The fake server did not start.");

            // "listening openai=http://127.0.0.1:A relay=http://127.0.0.1:B balances=http://127.0.0.1:C"
            string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The fake server exited before listening.");
            var urls = line.Split(' ').Skip(1).Select(part => part.Split(new[] { '=' }, 2)).ToDictionary(pair => pair[0], pair => pair[1]);
            OpenAI = urls["openai"];
            Relay = urls["relay"];
            Balances = urls["balances"];
        }

        /// <summary>Plays api.openai.com once OPENAIBILLING_OPENAI_HOSTS names it.</summary>
        public string OpenAI { get; }

        public string Relay { get; }

        public string Balances { get; }

        public void Dispose()
        {
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
}
