using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenAIBilling.FakeServer;

// The fake billing server: three loopback listeners (openai, relay, balances). See README.md.
// "latency-proxy" as the first argument runs the benchmark's latency proxy instead (LatencyProxy.cs).
if (args is ["latency-proxy", .. var proxyArgs]) return await LatencyProxy.RunAsync(proxyArgs);

ServerOptions options;
try
{
    options = ServerOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ServerOptions.Usage);
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Error);
builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

var listeners = new Dictionary<Role, ListenOptions>();
var connections = new ConnectionCounter();
var certificate = options.CertificateAuthorityFile is { } authorityFile ? RunTimeCertificate.Create(authorityFile) : null;
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    foreach (Role role in Roles.All)
        kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listeners[role] = listen;
            listen.Use(connections.CountConnections);
            if (certificate is null) return;
            listen.Protocols = options.Http1Only ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
            listen.Use(connections.CountHandshakes);
        });
});

var app = builder.Build();
var log = new RequestLog();
Dispatcher? dispatcher = null;
app.Run(context =>
{
    if (dispatcher is not null) return dispatcher.HandleAsync(context);
    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // only before the ports are known
    return Task.CompletedTask;
});

await app.StartAsync();

// Kestrel writes the port the OS chose back into each ListenOptions.
var roleMap = new RoleMap(Roles.All.ToDictionary(r => r, r => ((IPEndPoint)listeners[r].EndPoint).Port), certificate is null ? "http" : "https");
dispatcher = new Dispatcher(roleMap, log, new FaultState(), connections, options);

// The ready file first, then the line: whichever a harness waits for, both exist.
if (options.ReadyFile is { } readyFile)
{
    var ready = new JsonObject();
    foreach (Role role in Roles.All) ready[Roles.Name(role)] = roleMap.Url(role);
    string full = Path.GetFullPath(readyFile);
    string temp = full + "." + Environment.ProcessId + ".tmp";
    File.WriteAllText(temp, Reply.Serialize(ready));
    File.Move(temp, full, overwrite: true);
}

Console.Out.WriteLine(
    $"listening openai={roleMap.Url(Role.OpenAI)} relay={roleMap.Url(Role.Relay)} balances={roleMap.Url(Role.Balances)}");
Console.Out.Flush();

if (options.ExitOnStdinClose)
{
    var lifetime = app.Lifetime;
    var watcher = new Thread(() =>
    {
        try
        {
            using Stream stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
        }
        catch (IOException) { }
        lifetime.StopApplication();
    })
    { IsBackground = true, Name = "stdin-watcher" };
    watcher.Start();
}

await app.WaitForShutdownAsync();
return 0;
