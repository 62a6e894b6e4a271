using System.CommandLine;
using Concierge.Runtime.Simulation;

namespace Concierge.Scenarios.Cli;

/// <summary>`concierge-sim determinism --seed n`: runs the runtime's random traffic workload twice and compares the trace hashes.</summary>
public static class DeterminismCommand
{
    /// <summary>Builds the subcommand writing to <paramref name="output"/>.</summary>
    public static Command Build(TextWriter output)
    {
        var seed = new Option<ulong>("--seed") { Description = "The seed of both runs.", DefaultValueFactory = _ => 1 };
        var datagrams = new Option<int>("--datagrams") { Description = "Datagrams per run.", DefaultValueFactory = _ => 20_000 };
        var command = new Command("determinism", "Run the random traffic workload twice with one seed and compare the trace hashes.") { seed, datagrams };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(datagrams);
            if (n is < 1 or > 10_000_000)
            {
                output.WriteLine("error: --datagrams must be between 1 and 10000000");
                return RunCommand.UsageError;
            }
            var first = RandomTrafficWorkload.Run(parse.GetValue(seed), n);
            var second = RandomTrafficWorkload.Run(parse.GetValue(seed), n);
            output.WriteLine($"seed={parse.GetValue(seed)} run1={first} run2={second}");
            output.WriteLine(first == second ? "equal" : "DIFFERENT");
            return first == second ? 0 : 1;
        });
        return command;
    }
}
