using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Options;

/// <summary>The server's configuration layers: appsettings.json, then <c>CONCIERGE_</c> environment variables, then the command line.</summary>
public static class ServerConfiguration
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "CONCIERGE_";

    /// <summary>
    /// Builds the configuration from <paramref name="appSettingsFile"/> (optional; null skips it), the environment
    /// and <paramref name="args"/>; an unknown or incomplete option is an <see cref="OptionException"/>.
    /// </summary>
    public static IConfigurationRoot Build(IReadOnlyList<string> args, string? appSettingsFile, bool readEnvironment = true)
    {
        var commandLine = CommandLine.Parse(args);
        var builder = new ConfigurationBuilder();
        if (appSettingsFile is not null) builder.AddJsonFile(appSettingsFile, optional: true, reloadOnChange: false);
        if (readEnvironment) builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddInMemoryCollection(commandLine);
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new OptionException(appSettingsFile ?? "configuration", null, $"cannot be read: {ex.Message}");
        }
        catch (FormatException ex)
        {
            throw new OptionException(appSettingsFile ?? "configuration", null, $"cannot be read: {ex.Message}");
        }
    }
}
