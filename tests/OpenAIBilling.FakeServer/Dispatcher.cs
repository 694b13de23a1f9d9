namespace OpenAIBilling.FakeServer;

/// <summary>
/// The one terminal middleware: /__ control paths, then log, latency, faults and the role's handler
/// (role chosen by the connection's local port).
/// </summary>
internal sealed class Dispatcher(RoleMap roles, RequestLog log, FaultState faults, ConnectionCounter connections, ServerOptions options)
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

        bool control = path.StartsWith("/__", StringComparison.Ordinal);
        connections.Saw(context.Connection.Id, control);
        if (control)
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
            if (role == Role.OpenAI) context.Response.Headers["x-request-id"] = ErrorBodies.OpenAIRequestId();
            status = await AnswerAsync(context, role, RequestTarget.Parse(path), key);
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

    /// <summary>Writes the answer (a fault's or the normal one) and returns its status.</summary>
    private async Task<int> AnswerAsync(HttpContext context, Role role, RequestTarget target, KeyInfo key)
    {
        HttpRequest request = context.Request;
        Reply Normal() => Route(role, request, target.Path, key);

        Reply reply;
        if (target.Redirected)
        {
            // The target of a redirect fault: never faulted again. Without a key (dropped on a cross-origin
            // redirect, as it must be) the role's usual 401, whatever the path.
            reply = key.Kind == KeyKind.Missing ? MissingKey(role) : Normal();
        }
        else
        {
            if ((key.Fault is not null || key.Jitter) && HttpMethods.IsGet(request.Method) && Serves(role, target.Path))
            {
                if (key.Jitter) await Task.Delay(Random.Shared.Next(Faults.MaxJitterMs + 1), context.RequestAborted);
                if (key.Fault is { } fault && (fault.Repeat == FaultRepeat.Always || faults.TryClaim(key.Key!, target.Path)))
                    return await fault.RunAsync(new FaultContext(context, role, target, roles, Normal));
            }
            reply = Normal();
        }
        await reply.WriteAsync(context.Response);
        return reply.Status;
    }

    private static Reply Route(Role role, HttpRequest request, string path, KeyInfo key)
    {
        try
        {
            return role switch
            {
                Role.OpenAI => OpenAIHost.Handle(request, path, key),
                _ => RelayBilling.Handle(role, request, path, key),
            };
        }
        catch (BadRequestException e)
        {
            return ErrorBodies.BadRequest(e.Message, e.Param);
        }
    }

    private static bool Serves(Role role, string path) =>
        role == Role.OpenAI ? OpenAIHost.Serves(path) : RelayBilling.Serves(role, path);

    private static Reply MissingKey(Role role) =>
        role == Role.OpenAI ? ErrorBodies.OpenAIMissingKey() : ErrorBodies.RelayMissingKey();

    private Reply Control(HttpRequest request, string path)
    {
        bool delete = HttpMethods.IsDelete(request.Method);
        if (path == "/__log" && HttpMethods.IsGet(request.Method)) return Reply.Ok(log.ToJson());
        if (path == "/__log" && delete)
        {
            log.Clear();
            faults.Clear();
            return Cleared();
        }
        if (path == "/__connections" && HttpMethods.IsGet(request.Method)) return Reply.Ok(connections.ToJson());
        if (path == "/__connections" && delete)
        {
            connections.Clear();
            return Cleared();
        }
        if (path == "/__faults" && delete)
        {
            faults.Clear();
            return Cleared();
        }
        return ErrorBodies.InvalidUrl(request.Method, path);
    }

    private static Reply Cleared() => Reply.Ok(new System.Text.Json.Nodes.JsonObject { ["cleared"] = true });
}
