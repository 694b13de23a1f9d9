namespace OpenAIBilling.FakeServer;

/// <summary>Arguments of <c>latency-proxy</c>.</summary>
internal sealed class LatencyProxyOptions
{
    public int RttMs { get; private set; } = -1;
    public List<int> Targets { get; } = [];
    public string? ReadyFile { get; private set; }
    public string? LogFile { get; private set; }
    public bool ExitOnStdinClose { get; private set; }

    public static LatencyProxyOptions Parse(string[] args)
    {
        var options = new LatencyProxyOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--rtt-ms": options.RttMs = Number(args, ref i, arg, 0, 60_000); break;
                case "--target": options.Targets.Add(Number(args, ref i, arg, 1, 65_535)); break;
                case "--ready-file": options.ReadyFile = Value(args, ref i, arg); break;
                case "--log-file": options.LogFile = Value(args, ref i, arg); break;
                case "--exit-on-stdin-close": options.ExitOnStdinClose = true; break;
                default: throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }
        if (options.RttMs < 0) throw new ArgumentException("--rtt-ms is required.");
        if (options.Targets.Count == 0) throw new ArgumentException("At least one --target is required.");
        return options;
    }

    private static int Number(string[] args, ref int i, string name, int min, int max)
    {
        string text = Value(args, ref i, name);
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new ArgumentException($"{name} needs an integer from {min} to {max}, got '{text}'.");
        return n;
    }

    private static string Value(string[] args, ref int i, string name)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value.");
        return args[++i];
    }
}
