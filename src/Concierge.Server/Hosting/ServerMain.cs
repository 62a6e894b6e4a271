using Concierge.Server.Commands;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Store;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Hosting;

/// <summary>
/// The server's entry: a subcommand (<see cref="ServerCommands"/>) or the server itself, which reads the options, the
/// topology and the store (exit 2 naming the field and value when one is bad or no administrator exists), then runs
/// until SIGTERM or Ctrl-C (exit 0).
/// </summary>
public static class ServerMain
{
    /// <summary>Exit code of a bad option or configuration.</summary>
    public const int BadConfiguration = 2;

    /// <summary>Exit code when the server could not start or failed.</summary>
    public const int Failed = 1;

    /// <summary>Runs the server (or a subcommand) with <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && ServerCommands.IsCommand(args[0]))
            return await ServerCommands.RunAsync(args, Console.In, Console.Out, Console.Error).ConfigureAwait(false);
        ServerOptions options;
        ServerTopology topology;
        IConfigurationRoot config;
        ConciergeStore store;
        var notes = new List<string>();
        string? devAccount;
        try
        {
            config = ServerConfiguration.Build(args, Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
            options = ServerOptionsReader.Read(config);
            topology = ServerTopology.Load(options, Directory.GetCurrentDirectory());
            DirectoryFile.Check(options.DirectoryFile);
            store = ServerStartup.OpenStore(options);
            if (store.AppliedMigrations.Count > 0) notes.Add($"database: {store.Location.Display} migrated ({string.Join(", ", store.AppliedMigrations)})");
            devAccount = ServerStartup.EnsureAdministrator(store, options, topology, TimeProvider.System);
            topology = ServerStartup.ChooseConfiguration(store, topology, TimeProvider.System, notes);
        }
        catch (OptionException ex)
        {
            await Console.Error.WriteLineAsync("concierge-server: " + ex.Message).ConfigureAwait(false);
            return BadConfiguration;
        }
        catch (StoreException ex)
        {
            await Console.Error.WriteLineAsync("concierge-server: " + ex.Message).ConfigureAwait(false);
            return Failed;
        }
        await using var app = ServerApp.Build(options, topology, config, store);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Concierge.Server");
        if (options.Dev) logger.LogWarning("DEVELOPMENT MODE (--dev): do not expose this server");
        if (devAccount is not null) logger.LogWarning("{DevAccount}", devAccount);
        logger.LogInformation("topology {File}; database {Db}; HTTP on http://{Http}", topology.File, store.Location.Display, options.HttpListen);
        foreach (var note in notes) logger.LogInformation("{Note}", note);
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
