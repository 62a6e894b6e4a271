using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Hosting;

/// <summary>The server's entry: reads the options and the topology (exit 2 naming the field and value when one is bad), then runs until SIGTERM or Ctrl-C (exit 0).</summary>
public static class ServerMain
{
    /// <summary>Exit code of a bad option or configuration.</summary>
    public const int BadConfiguration = 2;

    /// <summary>Exit code when the server could not start or failed.</summary>
    public const int Failed = 1;

    /// <summary>Runs the server with <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ServerOptions options;
        ServerTopology topology;
        IConfigurationRoot config;
        try
        {
            config = ServerConfiguration.Build(args, Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
            options = ServerOptionsReader.Read(config);
            if (!options.Dev)
                throw new OptionException("--dev", null,
                    "is required for now: accounts are not built yet, and the attendant API does not run without them (start with --dev for development)");
            topology = ServerTopology.Load(options, Directory.GetCurrentDirectory());
        }
        catch (OptionException ex)
        {
            await Console.Error.WriteLineAsync("concierge-server: " + ex.Message).ConfigureAwait(false);
            return BadConfiguration;
        }
        await using var app = ServerApp.Build(options, topology, config);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Concierge.Server");
        logger.LogWarning("DEVELOPMENT MODE (--dev): the attendant API runs without accounts or tokens; do not expose it");
        logger.LogInformation("topology {File}; HTTP on http://{Http}", topology.File, options.HttpListen);
        foreach (var warning in topology.Warnings) logger.LogWarning("topology: {Warning}", warning);
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or Concierge.Runtime.Transports.TransportException or InvalidOperationException)
        {
            logger.LogCritical(ex, "the server failed: {Reason}", ex.Message);
            return Failed;
        }
    }
}
