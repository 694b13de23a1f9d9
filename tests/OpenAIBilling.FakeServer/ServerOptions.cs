namespace OpenAIBilling.FakeServer;

/// <summary>
/// Command-line options: --ready-file PATH, --latency-ms N, --exit-on-stdin-close, --https CA-FILE, --http1-only.
/// </summary>
internal sealed class ServerOptions
{
    public string? ReadyFile { get; private set; }
    public int LatencyMs { get; private set; }
    public bool ExitOnStdinClose { get; private set; }

    /// <summary>With --https: where the run-time certificate authority is written (PEM) for clients to trust.</summary>
    public string? CertificateAuthorityFile { get; private set; }
    public bool Http1Only { get; private set; }
    public bool Https => CertificateAuthorityFile is not null;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a usage message on a bad one.</summary>
    public static ServerOptions Parse(string[] args)
    {
        var options = new ServerOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--ready-file":
                    options.ReadyFile = Value(args, ref i, arg);
                    break;
                case "--latency-ms":
                    string text = Value(args, ref i, arg);
                    if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int ms))
                        throw new ArgumentException($"--latency-ms needs a non-negative integer, got '{text}'.");
                    options.LatencyMs = ms;
                    break;
                case "--exit-on-stdin-close":
                    options.ExitOnStdinClose = true;
                    break;
                case "--https":
                    options.CertificateAuthorityFile = Value(args, ref i, arg);
                    break;
                case "--http1-only":
                    options.Http1Only = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }
        if (options.Http1Only && !options.Https) throw new ArgumentException("--http1-only needs --https.");
        return options;
    }

    public const string Usage =
        "usage: OpenAIBilling.FakeServer [--ready-file PATH] [--latency-ms N] [--exit-on-stdin-close] [--https CA-FILE [--http1-only]]";

    private static string Value(string[] args, ref int i, string name)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value.");
        return args[++i];
    }
}
