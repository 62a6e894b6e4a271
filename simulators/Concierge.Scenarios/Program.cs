using Concierge.Scenarios.Cli;

namespace Concierge.Scenarios;

/// <summary>Entry point of `concierge-sim`.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var output = Console.Out;
        return SimCommandLine.Invoke(args, output, Environment.CurrentDirectory, colors: !Console.IsOutputRedirected);
    }
}
