namespace Concierge.Server.Options;

/// <summary>A command-line option, environment variable or configuration value the server cannot use: names the field and the value.</summary>
public sealed class OptionException(string field, string? value, string reason)
    : Exception($"{field}: {(value is null ? "" : $"\"{value}\" ")}{reason}")
{
    /// <summary>The option or configuration field, e.g. <c>--http-listen</c>.</summary>
    public string Field { get; } = field;

    /// <summary>The value given, or null when it was missing.</summary>
    public string? Value { get; } = value;
}
