using Concierge.Server.Options;
using Concierge.Server.Pbx;

namespace Concierge.Server.Commands;

/// <summary>
/// <c>import &lt;file&gt;</c>: the concierge: section of a topology file, read and validated as the server reads it
/// (every problem named with file, line, field and value; nothing changes then), replaces the stored configuration.
/// <c>export</c>: the stored configuration as a topology file's concierge: section on stdout.
/// </summary>
public static class ConfigurationCommands
{
    /// <summary>Runs import.</summary>
    public static int Import(CommandContext context)
    {
        var arguments = context.Arguments([], []);
        context.Expect(arguments, 1, "import <topology file> [--db <file or connection string>]");
        var (file, document, config) = ServerTopology.Read("import", arguments.Positional[0], context.WorkingDirectory);
        var store = context.Store(arguments);
        store.SaveConfiguration(config, file, TimeProvider.System.GetUtcNow());
        foreach (var warning in document.Warnings) context.Io.Error.WriteLine($"warning: {warning}");
        context.Io.Out.WriteLine($"imported the concierge: section of {file} into {store.Location.Display}: {config.Tenants.Count} tenants, " +
                                 $"{config.DdiEntries.Count} DDI entries, {config.NightVariants.Count} variants, {config.Announcements.Count} announcements, " +
                                 $"{config.Attendants.Count} attendants");
        return 0;
    }

    /// <summary>Runs export.</summary>
    public static int Export(CommandContext context)
    {
        var arguments = context.Arguments([], []);
        context.Expect(arguments, 0, "export [--db <file or connection string>] > concierge.yaml");
        var store = context.Store(arguments);
        var config = store.LoadConfiguration() ?? throw new OptionException("export", null, $"{store.Location.Display} holds no configuration (import one first)");
        context.Io.Out.Write(Concierge.Config.Topology.ConciergeSectionWriter.WriteDocument(config));
        return 0;
    }
}
