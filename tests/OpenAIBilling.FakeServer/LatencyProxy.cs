using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// The benchmark's latency proxy (<c>latency-proxy</c> as the first argument): one TCP listener on 127.0.0.1 per
/// <c>--target</c> port, each relaying to 127.0.0.1:target with a round-trip time added in user space (this kernel has
/// no netem). See <see cref="DelayedPipe"/> for the delays and README.md for the contract.
/// </summary>
internal static class LatencyProxy
{
    public const string Usage =
        "usage: OpenAIBilling.FakeServer latency-proxy --rtt-ms N --target PORT [--target PORT ...] [--ready-file PATH] [--log-file PATH] [--exit-on-stdin-close]";

    public static async Task<int> RunAsync(string[] args)
    {
        LatencyProxyOptions options;
        try
        {
            options = LatencyProxyOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var log = new ProxyLog(options.LogFile);
        var listeners = new List<(TcpListener Listener, int Target)>();
        foreach (int target in options.Targets)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(512);
            listeners.Add((listener, target));
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.Listener.LocalEndpoint).Port).ToArray();
        if (options.ReadyFile is { } readyFile)
        {
            var ready = new JsonObject { ["ports"] = new JsonArray(ports.Select(p => (JsonNode)p).ToArray()) };
            string full = Path.GetFullPath(readyFile);
            string temp = full + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temp, Reply.Serialize(ready));
            File.Move(temp, full, overwrite: true);
        }

        Console.Out.WriteLine("listening " + string.Join(' ', ports.Select(p => "127.0.0.1:" + p)));
        Console.Out.Flush();

        using var stopping = new CancellationTokenSource();
        if (options.ExitOnStdinClose) StopOnStdinClose(stopping);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

        var rtt = TimeSpan.FromMilliseconds(options.RttMs);
        int nextId = 0;
        var accepting = listeners.Select(async l =>
        {
            int listenPort = ((IPEndPoint)l.Listener.LocalEndpoint).Port;
            while (!stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await l.Listener.AcceptSocketAsync(stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                int id = Interlocked.Increment(ref nextId);
                _ = ProxiedConnection.RunAsync(id, client, listenPort, l.Target, rtt, log);
            }
        }).ToArray();
        await Task.WhenAll(accepting);
        foreach (var l in listeners) l.Listener.Stop();
        return 0;
    }

    private static void StopOnStdinClose(CancellationTokenSource stopping)
    {
        var watcher = new Thread(() =>
        {
            try
            {
                using Stream stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
            }
            catch (IOException) { }
            stopping.Cancel();
        })
        { IsBackground = true, Name = "stdin-watcher" };
        watcher.Start();
    }
}
