using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Commands;

/// <summary>
/// The subcommands of <c>./run-server.sh</c>, each on the store the server's options name (<c>--db</c>):
/// <c>migrate</c>, <c>import &lt;file&gt;</c>, <c>export</c>, <c>calls [--since &lt;time&gt;] [--json]</c>,
/// <c>status</c>, <c>account add|reset|remove|list</c>. Exit 0 when done, 2 for a bad argument (named with its
/// value), 1 when the store failed.
/// </summary>
public static class ServerCommands
{
    /// <summary>The command words.</summary>
    public static readonly IReadOnlyList<string> Names = ["migrate", "import", "export", "calls", "status", "account"];

    /// <summary>True when <paramref name="word"/> is a subcommand.</summary>
    public static bool IsCommand(string word) => Names.Contains(word, StringComparer.Ordinal);

    /// <summary>Runs the subcommand <c>args[0]</c>; <paramref name="policy"/> replaces the password policy (tests only).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        PasswordPolicy? policy = null, string? appSettingsFile = "", string? workingDirectory = null)
    {
        var io = new CommandIo(stdin, stdout, stderr);
        try
        {
            var context = new CommandContext(args[1..], args[0], appSettingsFile == "" ? Path.Combine(AppContext.BaseDirectory, "appsettings.json") : appSettingsFile,
                workingDirectory ?? Directory.GetCurrentDirectory(), policy, io);
            return args[0] switch
            {
                "migrate" => MigrateCommand.Run(context),
                "import" => ConfigurationCommands.Import(context),
                "export" => ConfigurationCommands.Export(context),
                "calls" => CallsCommand.Run(context),
                "status" => StatusCommand.Run(context),
                _ => AccountCommand.Run(context),
            };
        }
        catch (OptionException ex)
        {
            await stderr.WriteLineAsync($"concierge-server {args[0]}: {ex.Message}").ConfigureAwait(false);
            return ServerMain.BadConfiguration;
        }
        catch (StoreException ex)
        {
            await stderr.WriteLineAsync($"concierge-server {args[0]}: {ex.Message}").ConfigureAwait(false);
            return ServerMain.Failed;
        }
    }
}

/// <summary>Where a command reads and writes.</summary>
public sealed record CommandIo(TextReader In, TextWriter Out, TextWriter Error);

/// <summary>A command's arguments, options, store and output.</summary>
public sealed class CommandContext
{
    private readonly string? _appSettingsFile;
    private readonly PasswordPolicy? _policy;
    private ServerOptions? _options;

    internal CommandContext(string[] args, string command, string? appSettingsFile, string workingDirectory, PasswordPolicy? policy, CommandIo io)
    {
        Command = command;
        RawArgs = args;
        _appSettingsFile = appSettingsFile;
        WorkingDirectory = workingDirectory;
        _policy = policy;
        Io = io;
    }

    /// <summary>The command word.</summary>
    public string Command { get; }

    /// <summary>The arguments after the command word.</summary>
    public string[] RawArgs { get; }

    /// <summary>Relative paths start here.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Output.</summary>
    public CommandIo Io { get; }

    /// <summary>Splits the arguments for a command with the given own flags.</summary>
    public CommandArguments Arguments(string[] valued, string[] switches) => new(RawArgs, valued, switches);

    /// <summary>The server options in <paramref name="arguments"/> and the settings.</summary>
    public ServerOptions Options(CommandArguments arguments)
    {
        if (_options is not null) return _options;
        var config = ServerConfiguration.Build(arguments.ServerArgs, _appSettingsFile);
        _options = ServerOptionsReader.Read(config, WorkingDirectory);
        if (_policy is not null) _options = _options with { PasswordPolicy = _policy };
        return _options;
    }

    /// <summary>Opens (and migrates) the store.</summary>
    public ConciergeStore Store(CommandArguments arguments) => ServerStartup.OpenStore(Options(arguments));

    /// <summary>Refuses more than <paramref name="count"/> positional words, or fewer, naming the usage.</summary>
    public void Expect(CommandArguments arguments, int count, string usage)
    {
        if (arguments.Positional.Count != count)
            throw new OptionException(Command, arguments.Positional.Count > count ? arguments.Positional[count] : null,
                $"{(arguments.Positional.Count > count ? "is one argument too many" : "is missing an argument")}; usage: ./run-server.sh {usage}");
    }
}
