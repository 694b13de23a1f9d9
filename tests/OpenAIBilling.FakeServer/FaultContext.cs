using System.Text;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// What a fault behaviour gets: the request, the role it arrived on, the path it is for (redirect/loop prefixes
/// taken off), the normal answer the key would get (computed only when asked for), and helpers that write
/// an answer and return its status for the request log.
/// </summary>
internal sealed class FaultContext(HttpContext http, Role role, RequestTarget target, RoleMap roles, Func<Reply> normal)
{
    public HttpContext Http => http;
    public HttpResponse Response => http.Response;
    public CancellationToken Aborted => http.RequestAborted;
    public Role Role => role;
    public RoleMap Roles => roles;

    /// <summary>The billing path answered (no <c>/loop&lt;n&gt;</c> prefix), as a decoded string.</summary>
    public string Path => target.Path;

    /// <summary>n of a <c>/loop&lt;n&gt;/…</c> request, 0 for the original request.</summary>
    public int LoopHop => target.LoopHop;

    /// <summary>The billing path and the raw query, escaped for a Location header: <c>/v1/…?start_date=…</c>.</summary>
    public string PathAndQuery => new PathString(target.Path).ToUriComponent() + http.Request.QueryString.Value;

    /// <summary>The answer the key would get without the fault.</summary>
    public Reply Normal() => normal();

    /// <summary>Writes a complete answer with a Content-Length.</summary>
    public async Task<int> WriteAsync(int status, string contentType, ReadOnlyMemory<byte> body, params (string Name, string Value)[] headers)
    {
        Response.StatusCode = status;
        foreach ((string name, string value) in headers) Response.Headers[name] = value;
        Response.ContentType = contentType;
        Response.ContentLength = body.Length;
        if (body.Length > 0) await Response.Body.WriteAsync(body, Aborted);
        return status;
    }

    public Task<int> JsonAsync(int status, JsonNode body, params (string Name, string Value)[] headers) =>
        WriteAsync(status, Reply.JsonContentType, Reply.Utf8(body), headers);

    public Task<int> HtmlAsync(int status, string html, params (string Name, string Value)[] headers) =>
        WriteAsync(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), headers);

    /// <summary>A redirect with an empty body.</summary>
    public Task<int> RedirectAsync(int status, string location)
    {
        Response.Headers.Location = location;
        return WriteAsync(status, "text/plain; charset=utf-8", ReadOnlyMemory<byte>.Empty);
    }
}
