using Concierge.Server.Options;
using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Commands;

/// <summary>
/// <c>account add &lt;tenant&gt;\&lt;name&gt; [--role user|manager|administrator]</c> (default user),
/// <c>account reset &lt;tenant&gt;\&lt;name&gt;</c> (new password; its tokens end), <c>account remove &lt;tenant&gt;\&lt;name&gt;</c>,
/// <c>account list</c>. The password is read from <see cref="PasswordVariable"/> when set, else from the first line
/// of stdin (typed without echo on a terminal); it is never an argument.
/// </summary>
public static class AccountCommand
{
    /// <summary>The environment variable a password may come from.</summary>
    public const string PasswordVariable = "CONCIERGE_PASSWORD";

    private const string Usage = "account add|reset|remove <tenant>\\<name> [--role user|manager|administrator] | account list";

    /// <summary>Runs it.</summary>
    public static int Run(CommandContext context)
    {
        var arguments = context.Arguments(["--role"], []);
        var action = arguments.Positional.FirstOrDefault();
        if (action == "list")
        {
            context.Expect(arguments, 1, Usage);
            foreach (var account in context.Store(arguments).Accounts())
                context.Io.Out.WriteLine($"{account.Name} {account.Role.ToString().ToLowerInvariant()} (password set {account.PasswordChangedAt:u})");
            return 0;
        }
        if (action is not ("add" or "reset" or "remove"))
            throw new OptionException("account", action, $"is not add, reset, remove or list; usage: ./run-server.sh {Usage}");
        context.Expect(arguments, 2, Usage);
        var name = ParseName(arguments.Positional[1]);
        if (action != "add" && arguments.Value("--role") is not null) throw new OptionException("--role", arguments.Value("--role"), "is only for account add");
        var options = context.Options(arguments);
        var store = context.Store(arguments);
        var now = TimeProvider.System.GetUtcNow();
        switch (action)
        {
            case "add":
                var role = ParseRole(arguments.Value("--role"));
                CheckTenant(store, name, role);
                if (store.FindAccount(name) is not null) throw new OptionException("account", name.ToString(), "exists already (account reset changes its password)");
                store.AddAccount(name, role, Hash(context, options), now);
                context.Io.Out.WriteLine($"added {name} ({role.ToString().ToLowerInvariant()}) to {store.Location.Display}");
                return 0;
            case "reset":
                if (store.FindAccount(name) is null) throw new OptionException("account", name.ToString(), "does not exist");
                store.ResetPassword(name, Hash(context, options), now);
                context.Io.Out.WriteLine($"reset the password of {name}; its tokens are revoked");
                return 0;
            default:
                if (!store.RemoveAccount(name)) throw new OptionException("account", name.ToString(), "does not exist");
                context.Io.Out.WriteLine($"removed {name} and its tokens");
                return 0;
        }
    }

    private static AccountName ParseName(string text) =>
        AccountName.TryParse(text, out var name, out var reason) ? name : throw new OptionException("account", text, reason);

    private static AccountRole ParseRole(string? text) => text?.ToLowerInvariant() switch
    {
        null or "user" => AccountRole.User,
        "manager" => AccountRole.Manager,
        "administrator" or "admin" => AccountRole.Administrator,
        _ => throw new OptionException("--role", text, "is not user, manager or administrator"),
    };

    private static void CheckTenant(ConciergeStore store, AccountName name, AccountRole role)
    {
        if (store.LoadConfiguration() is not { } config) return; // nothing imported yet: any tenant name is taken as given
        if (config.FindTenant(name.Tenant) is null)
            throw new OptionException("account", name.ToString(),
                $"names tenant \"{name.Tenant}\", which is not in the stored configuration (tenants: {string.Join(", ", config.Tenants.Select(t => t.Name))})");
    }

    private static PasswordHash Hash(CommandContext context, ServerOptions options)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : ReadPassword(context.Io);
        try
        {
            return PasswordHash.Create(password, options.PasswordPolicy);
        }
        catch (StoreException ex)
        {
            throw new OptionException("password", null, ex.Message["password: ".Length..]);
        }
    }

    private static string ReadPassword(CommandIo io)
    {
        if (ReferenceEquals(io.In, Console.In) && !Console.IsInputRedirected)
        {
            io.Error.Write("password: ");
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
                else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
            }
            io.Error.WriteLine();
            return typed.ToString();
        }
        return io.In.ReadLine() ?? throw new OptionException("password", null, $"was not given: set {PasswordVariable} or write it as the first line of stdin");
    }
}
