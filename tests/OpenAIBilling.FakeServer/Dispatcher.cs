namespace OpenAIBilling.FakeServer;

/// <summary>
/// The one terminal middleware: /__ control paths, then log, latency and the role's handler
/// (role chosen by the connection's local port).
/// </summary>
internal sealed class Dispatcher(RoleMap roles, RequestLog log, ServerOptions options)
{
    /// <summary>Status recorded in the request log when the client disconnected before the answer was written.</summary>
    public const int ClientClosedRequest = 499;

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? "/";
        if (roles.ForPort(context.Connection.LocalPort) is not Role role)
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            return;
        }

        if (path.StartsWith("/__", StringComparison.Ordinal))
        {
            await Control(request, path).WriteAsync(context.Response);
            return;
        }

        var key = KeyInfo.From(request);
        RequestLog.Entry entry = log.Begin(role, request, key);
        int status = 500;
        try
        {
            if (options.LatencyMs > 0) await Task.Delay(options.LatencyMs, context.RequestAborted);
            Reply reply;
            try
            {
                reply = Route(role, request, path, key);
            }
            catch (BadRequestException e)
            {
                reply = ErrorBodies.BadRequest(e.Message, e.Param);
            }
            status = reply.Status;
            if (role == Role.OpenAI) context.Response.Headers["x-request-id"] = ErrorBodies.OpenAIRequestId();
            await reply.WriteAsync(context.Response);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = ClientClosedRequest; // the client gave up (timeout, Ctrl+C): not an error worth logging
        }
        finally
        {
            log.Finish(entry, status);
        }
    }

    private static Reply Route(Role role, HttpRequest request, string path, KeyInfo key) => role switch
    {
        Role.OpenAI => OpenAIHost.Handle(request, path, key),
        _ => RelayBilling.Handle(role, request, path, key),
    };

    private Reply Control(HttpRequest request, string path)
    {
        if (path == "/__log" && HttpMethods.IsGet(request.Method)) return Reply.Ok(log.ToJson());
        if (path == "/__log" && HttpMethods.IsDelete(request.Method))
        {
            log.Clear();
            return Reply.Ok(new System.Text.Json.Nodes.JsonObject { ["cleared"] = true });
        }
        return ErrorBodies.InvalidUrl(request.Method, path);
    }
}
