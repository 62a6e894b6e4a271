namespace Concierge.Cps.Engine;

/// <summary>The answer to an attendant command: done, or refused with a reason a person can act on.</summary>
public readonly record struct CommandResult(bool Succeeded, string? Error)
{
    /// <summary>Done.</summary>
    public static readonly CommandResult Ok = new(true, null);

    /// <summary>Refused because <paramref name="reason"/>.</summary>
    public static CommandResult Refused(string reason) => new(false, reason);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "ok" : $"refused: {Error}";
}
