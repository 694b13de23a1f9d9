using System.Globalization;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// The path a request is answered for, after the prefixes the redirect faults add are taken off:
/// <c>/redirected/…</c> (the target of <c>faultredirectsame</c>/<c>faultredirectother</c>: answered normally, no fault)
/// and <c>/loop&lt;n&gt;/…</c> (a hop of <c>faultredirectloop</c>: answered like the bare path, faults included).
/// </summary>
internal sealed record RequestTarget(string Path, bool Redirected, int LoopHop)
{
    public const string RedirectedPrefix = "/redirected";
    public const string LoopPrefix = "/loop";

    public static RequestTarget Parse(string path)
    {
        if (path.StartsWith(RedirectedPrefix + "/", StringComparison.Ordinal))
            return new RequestTarget(path[RedirectedPrefix.Length..], Redirected: true, LoopHop: 0);

        if (path.StartsWith(LoopPrefix, StringComparison.Ordinal))
        {
            int slash = path.IndexOf('/', LoopPrefix.Length);
            string digits = slash < 0 ? "" : path[LoopPrefix.Length..slash];
            if (digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit)
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int hop))
                return new RequestTarget(path[slash..], Redirected: false, LoopHop: hop);
        }
        return new RequestTarget(path, Redirected: false, LoopHop: 0);
    }
}
