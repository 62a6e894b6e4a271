using Concierge.Server.Options;

namespace Concierge.Server.Commands;

/// <summary>
/// A subcommand's arguments: its positional words, its own flags (e.g. <c>--role</c>, <c>--since</c>, <c>--json</c>)
/// and the rest, which are the server's options (<c>--db</c>, <c>--topology</c>, …).
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);

    /// <summary>Splits <paramref name="args"/> (after the command word); <paramref name="valued"/> take a value, <paramref name="switches"/> none.</summary>
    public CommandArguments(IReadOnlyList<string> args, string[] valued, string[] switches)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            if (switches.Contains(name, StringComparer.Ordinal)) _flags[name] = null;
            else if (valued.Contains(name, StringComparer.Ordinal))
            {
                if (equals > 0) _flags[name] = arg[(equals + 1)..];
                else if (i + 1 < args.Count) _flags[name] = args[++i];
                else throw new OptionException(name, null, "needs a value");
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                rest.Add(arg);
                if (equals < 0 && arg != "--dev" && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) rest.Add(args[++i]);
            }
            else Positional.Add(arg);
        }
        ServerArgs = rest;
    }

    /// <summary>The words that are not options.</summary>
    public List<string> Positional { get; } = new();

    /// <summary>The server options among the arguments.</summary>
    public IReadOnlyList<string> ServerArgs { get; }

    /// <summary>True when the switch <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _flags.ContainsKey(name);

    /// <summary>The value of the flag <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => _flags.GetValueOrDefault(name);
}
