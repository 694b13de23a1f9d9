using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// The hostile fault markers (README.md, "Fault markers", the rows from <c>faultecho</c>): a host that echoes the key
/// and sends terminal escapes, a body that is not the gzip it claims, headers over any client's limit, an absurd
/// Retry-After, redirects out of http or with credentials in them.
/// </summary>
internal static class HostileFaults
{
    /// <summary>OSC 0 (window title), CSI 2J (clear screen), OSC 52 (clipboard write).</summary>
    public const string Escapes = "\u001b]0;owned\u0007\u001b[2J\u001b]52;c;b3duZWQ=\u0007";

    public const int BigHeaderBytes = 100 * 1024;

    public static readonly Fault[] All =
    [
        new("faultecho", FaultRepeat.Always, Echo),
        new("faultbadgzip", FaultRepeat.Always, c => c.WriteAsync(200, Reply.JsonContentType, Encoding.ASCII.GetBytes("this is not gzip at all"),
            ("Content-Encoding", "gzip"))),
        new("faultbigheader", FaultRepeat.Always, c => c.WriteAsync(200, Reply.JsonContentType, c.Normal().ToUtf8(),
            ("X-Padding", new string('a', BigHeaderBytes)))),
        new("faultretryinfinity", FaultRepeat.Always, c => c.JsonAsync(429, FaultBodies.RateLimited(), ("Retry-After", "Infinity"))),
        new("faultredirectfile", FaultRepeat.Always, c => c.RedirectAsync(302, "file:///etc/passwd")),
        new("faultredirectcreds", FaultRepeat.Always, c => c.RedirectAsync(302,
            "http://admin:hunter2@127.0.0.1:" + c.Http.Connection.LocalPort.ToString(CultureInfo.InvariantCulture) + RequestTarget.RedirectedPrefix + c.PathAndQuery)),
    ];

    /// <summary>
    /// 400 whose message, type and code echo the key with escapes; the x-request-id and x-echo headers echo it too
    /// (without escapes: Kestrel refuses control characters in a header).
    /// </summary>
    private static Task<int> Echo(FaultContext c)
    {
        string key = BearerKey(c.Http.Request);
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = Escapes + "Invalid token " + key,
                ["type"] = "type_" + key,
                ["param"] = null,
                ["code"] = Escapes + key,
            },
        };
        return c.JsonAsync(400, body, ("x-request-id", "req_" + key), ("x-echo", key));
    }

    private static string BearerKey(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString().Trim();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring(7).Trim() : header;
    }
}
