using System.CommandLine;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Cli;

/// <summary>`concierge-sim steps`: prints every bound phrase of the step language, Given, When, Then.</summary>
public static class StepsCommand
{
    /// <summary>Builds the subcommand writing to <paramref name="output"/>.</summary>
    public static Command Build(TextWriter output)
    {
        var command = new Command("steps", "List every phrase of the step language (every Then also accepts `within <d>`).");
        command.SetAction(_ =>
        {
            var catalog = StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly);
            foreach (var group in catalog.Bindings.GroupBy(b => b.Kind).OrderBy(g => g.Key))
            {
                output.WriteLine($"# {group.Key}");
                foreach (var binding in group) output.WriteLine(binding.Display);
                output.WriteLine();
            }
            return 0;
        });
        return command;
    }
}
