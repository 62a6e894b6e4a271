using System.CommandLine;

namespace Concierge.Scenarios.Cli;

/// <summary>The `concierge-sim` command line: `run` (the default), `determinism`, `steps`, `load`, `explore`, `csta decode` and `pbx` (the PBX emulator on real sockets).</summary>
public static class SimCommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>, writing to <paramref name="output"/>; returns the exit code.</summary>
    /// <param name="args">The command line arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="workingDirectory">Where relative paths start and the repository root is searched from.</param>
    /// <param name="colors">Colour the summary table.</param>
    public static int Invoke(string[] args, TextWriter output, string workingDirectory, bool colors)
    {
        var root = new RootCommand("Concierge scenario simulator: runs the Gherkin suites in features/ in a deterministic simulated world.");
        var run = new Command("run", "Run every feature (the default command).");
        var defaultRun = new RunCommand(output, workingDirectory, colors);
        defaultRun.AttachTo(root);
        new RunCommand(output, workingDirectory, colors).AttachTo(run);
        root.Subcommands.Add(run);
        root.Subcommands.Add(DeterminismCommand.Build(output));
        root.Subcommands.Add(StepsCommand.Build(output));
        root.Subcommands.Add(LoadCommand.Build(output, workingDirectory, colors));
        root.Subcommands.Add(ExploreCommand.Build(output, workingDirectory));
        root.Subcommands.Add(SwarmCommand.Build(output, workingDirectory));
        root.Subcommands.Add(MergeCommand.Build(output, workingDirectory));
        root.Subcommands.Add(CstaCommand.Build(output, workingDirectory));
        root.Subcommands.Add(PbxCommand.Build(output, workingDirectory));
        var invocation = new InvocationConfiguration { Output = output, Error = output };
        // Tag expressions start with '@', which System.CommandLine would otherwise read as a response file.
        var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
        return root.Parse(args, parsing).Invoke(invocation);
    }
}
