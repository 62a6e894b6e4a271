namespace Concierge.Server.Commands;

/// <summary><c>migrate</c>: applies pending schema migrations and says which.</summary>
public static class MigrateCommand
{
    /// <summary>Runs it.</summary>
    public static int Run(CommandContext context)
    {
        var arguments = context.Arguments([], []);
        context.Expect(arguments, 0, "migrate [--db <file or connection string>]");
        var store = context.Store(arguments);
        context.Io.Out.WriteLine(store.AppliedMigrations.Count == 0
            ? $"{store.Location.Display}: the schema is up to date"
            : $"{store.Location.Display}: applied {string.Join(", ", store.AppliedMigrations)}");
        return 0;
    }
}
