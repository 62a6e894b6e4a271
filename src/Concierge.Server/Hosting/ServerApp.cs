using System.Text.Json.Serialization;
using Concierge.Server.Http;
using Concierge.Server.Options;
using Concierge.Server.Accounts;
using Concierge.Server.Pbx;
using Concierge.Store;
using Serilog;

namespace Concierge.Server.Hosting;

/// <summary>
/// Builds the server: the generic web host with Serilog (from the configuration's <c>Serilog</c> section), Kestrel on
/// the HTTP address, the store, the CPS node as a hosted service, the token check in front of <c>/api</c>, and the
/// health, metrics, status, account, call record and attendant end points.
/// </summary>
public static class ServerApp
{
    /// <summary>How long an orderly stop may take before the host gives up.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    /// <summary>The server for <paramref name="options"/> and <paramref name="topology"/>, configured by <paramref name="config"/>.</summary>
    public static WebApplication Build(ServerOptions options, ServerTopology topology, IConfiguration config, ConciergeStore store)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(config);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.HttpListen);
            kestrel.Limits.MaxRequestBodySize = RequestBody.MaxBytes; // a longer body is refused with 413, chunked or not
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddApiDocument();
        builder.Services.AddSerilog((_, logging) => logging.ReadFrom.Configuration(config));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(topology);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new AccountService(store, options.PasswordPolicy, options.TokenLifetime, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<NodeHost>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NodeHost>());
        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseConsoleFiles();
        app.UseTokenAuthentication();
        app.MapApiDocument();
        app.MapHealth();
        app.MapStatus();
        app.MapAccounts();
        app.MapOsccAgents();
        app.MapCallRecords();
        app.MapDeskInformation();
        app.MapConfiguration();
        app.MapAttendants();
        app.MapEventStreams();
        return app;
    }

    /// <summary>The HTTP address the running <paramref name="app"/> listens on (the bound port when 0 was asked).</summary>
    public static Uri HttpAddress(WebApplication app) => new(app.Urls.First());
}
