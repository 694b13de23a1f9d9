using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace OpenAIBilling.FakeServer;

/// <summary>Whether a fault hits every request, or only the first one per (key, path).</summary>
internal enum FaultRepeat
{
    Always,
    /// <summary>The first request for a (key, path without query) gets the fault, later ones the normal answer (<see cref="FaultState"/>).</summary>
    Once,
}

/// <summary>One fault marker: the word in the key and what the server does instead of (or before) the normal answer.
/// <see cref="RunAsync"/> writes the answer and returns the status for the request log.</summary>
internal sealed record Fault(string Marker, FaultRepeat Repeat, Func<FaultContext, Task<int>> RunAsync);

/// <summary>
/// The fault markers (README.md, "Fault markers"). A fault marker in the key is checked before the normal markers
/// and acts on every billing path the role serves; the rest of the key still decides the normal answer.
/// </summary>
internal static class Faults
{
    /// <summary>Not a fault: a random 0–50 ms delay before the answer; combines with any marker, faults included.</summary>
    public const string Jitter = "jitter";

    public const int MaxJitterMs = 50;

    /// <summary>Size of the <c>faulthuge</c> body: 100 MiB.</summary>
    public const long HugeBytes = 100L * 1024 * 1024;

    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(60);

    private static readonly (string, string) RetryAfterMs10 = ("retry-after-ms", "10");

    /// <summary>Every fault, in matching order: the first whose marker the key contains (case-insensitively) wins.</summary>
    public static readonly Fault[] All =
    [
        new("fault429retryafter", FaultRepeat.Once, c => c.JsonAsync(429, FaultBodies.RateLimited(), ("Retry-After", "1"))),
        new("fault429ms", FaultRepeat.Once, c => c.JsonAsync(429, FaultBodies.RateLimited(), RetryAfterMs10)),
        new("fault429date", FaultRepeat.Once, c => c.JsonAsync(429, FaultBodies.RateLimited(), ("Retry-After", HttpDateOneSecondAhead()))),
        new("fault429noretry", FaultRepeat.Always, c => c.JsonAsync(429, FaultBodies.RateLimited(), ("x-should-retry", "false"), RetryAfterMs10)),
        new("fault429long", FaultRepeat.Always, c => c.JsonAsync(429, FaultBodies.RateLimited(), ("Retry-After", "600"))),
        new("faultquota", FaultRepeat.Always, c => c.JsonAsync(429, FaultBodies.InsufficientQuota(), RetryAfterMs10)),
        new("fault408once", FaultRepeat.Once, c => c.JsonAsync(408, FaultBodies.RequestTimeout(), RetryAfterMs10)),
        new("fault409once", FaultRepeat.Once, c => c.JsonAsync(409, FaultBodies.Conflict(), RetryAfterMs10)),
        new("fault500once", FaultRepeat.Once, c => c.JsonAsync(500, FaultBodies.ServerError(), RetryAfterMs10)),
        new("fault502once", FaultRepeat.Once, c => c.JsonAsync(502, FaultBodies.BadGateway(), RetryAfterMs10)),
        new("fault503once", FaultRepeat.Once, c => c.JsonAsync(503, FaultBodies.Overloaded(), RetryAfterMs10)),
        new("fault500always", FaultRepeat.Always, c => c.JsonAsync(500, FaultBodies.ServerError(), RetryAfterMs10)),
        new("fault502html", FaultRepeat.Always, c => c.HtmlAsync(502, FaultBodies.CloudflareBadGateway,
            ("server", "cloudflare"), ("cf-ray", "8e7a1b2c3d4e5f60-FRA"), RetryAfterMs10)),
        new("faulttruncated", FaultRepeat.Always, Truncated),
        new("faulthtml200", FaultRepeat.Always, c => c.HtmlAsync(200, FaultBodies.LoginPage)),
        new("faultwrongshape", FaultRepeat.Always, c => c.JsonAsync(200, FaultBodies.WrongShape(c.Path))),
        new("faultdeep", FaultRepeat.Always, c => c.WriteAsync(200, Reply.JsonContentType, FaultBodies.Nested(1000))),
        new("faulthuge", FaultRepeat.Always, Huge),
        new("faultslow", FaultRepeat.Always, Slow),
        new("faultreset", FaultRepeat.Always, Reset),
        new("faultredirectsame", FaultRepeat.Always, c => c.RedirectAsync(307, RequestTarget.RedirectedPrefix + c.PathAndQuery)),
        new("faultredirectother", FaultRepeat.Always, c => c.RedirectAsync(307,
            c.Roles.Url(OtherOrigin(c.Role)) + RequestTarget.RedirectedPrefix + c.PathAndQuery)),
        new("faultredirectloop", FaultRepeat.Always, c => c.RedirectAsync(302,
            RequestTarget.LoopPrefix + (c.LoopHop + 1).ToString(CultureInfo.InvariantCulture) + c.PathAndQuery)),
    ];

    /// <summary>The fault whose marker the key contains, or null (the hostile ones after these).</summary>
    public static Fault? Find(string key) =>
        Array.Find(All, f => key.Contains(f.Marker, StringComparison.OrdinalIgnoreCase))
        ?? Array.Find(HostileFaults.All, f => key.Contains(f.Marker, StringComparison.OrdinalIgnoreCase));

    public static bool HasJitter(string key) => key.Contains(Jitter, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where <c>faultredirectother</c> sends each role: a role serving the same legacy paths where there is one.</summary>
    public static Role OtherOrigin(Role role) => role == Role.Relay ? Role.OpenAI : Role.Relay;

    /// <summary>RFC 1123 ("r") date of now + 1 s; HTTP dates have whole seconds, so it is 0–1 s from now when sent.</summary>
    private static string HttpDateOneSecondAhead() =>
        DateTimeOffset.UtcNow.AddSeconds(1).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>200 JSON, correctly framed (Content-Length of what is sent), but only the first half of the normal body.</summary>
    private static Task<int> Truncated(FaultContext c)
    {
        byte[] body = c.Normal().ToUtf8();
        return c.WriteAsync(200, Reply.JsonContentType, body.AsMemory(0, body.Length / 2));
    }

    /// <summary>Waits 60 s (stops at once when the client goes away), then the normal answer.</summary>
    private static async Task<int> Slow(FaultContext c)
    {
        await Task.Delay(SlowDelay, c.Aborted);
        Reply reply = c.Normal();
        await reply.WriteAsync(c.Response);
        return reply.Status;
    }

    /// <summary>Status, headers (Content-Length of the whole normal body) and half the body on the wire, then the connection is aborted.</summary>
    private static async Task<int> Reset(FaultContext c)
    {
        byte[] body = c.Normal().ToUtf8();
        c.Response.StatusCode = 200;
        c.Response.ContentType = Reply.JsonContentType;
        c.Response.ContentLength = body.Length;
        await c.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), c.Aborted);
        await c.Response.Body.FlushAsync(c.Aborted);
        await Task.Delay(50, c.Aborted); // let the socket send what was flushed before the abort discards it
        c.Http.Abort();
        return 200;
    }

    private static readonly byte[] HugeHead = Encoding.ASCII.GetBytes("{\"pad\":\"");
    private static readonly byte[] HugeTail = Encoding.ASCII.GetBytes("\"}");
    private static readonly byte[] Spaces = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));

    /// <summary>
    /// 100 MiB of valid JSON, chunked (no Content-Length), written from one shared buffer of spaces; stops as soon as
    /// the client goes away. Kestrel then drops further writes without an error and cancels RequestAborted a moment
    /// later (on the thread pool), so the loop checks the token and the flush result after every chunk, and a run
    /// that seems complete waits 50 ms for the token before it is logged as 200.
    /// </summary>
    private static async Task<int> Huge(FaultContext c)
    {
        CancellationToken aborted = c.Aborted;
        HttpResponse response = c.Response;
        response.StatusCode = 200;
        response.ContentType = Reply.JsonContentType;
        PipeWriter body = response.BodyWriter;
        bool gone = (await body.WriteAsync(HugeHead, aborted)).IsCompleted;
        for (long left = HugeBytes - HugeHead.Length - HugeTail.Length; left > 0 && !gone;)
        {
            int n = (int)Math.Min(left, Spaces.Length);
            gone = (await body.WriteAsync(Spaces.AsMemory(0, n), aborted)).IsCompleted || aborted.IsCancellationRequested;
            left -= n;
        }
        if (gone || (await body.WriteAsync(HugeTail, aborted)).IsCompleted) return Dispatcher.ClientClosedRequest;
        await Task.Delay(50, aborted); // throws when the client went away: logged 499
        return 200;
    }
}
