namespace Concierge.Server.Http;

/// <summary>A request the API cannot read: names the field and the value (answered 400 with problem details).</summary>
public sealed class BadInputException(string field, string? value, string reason)
    : Exception($"{field}: {(value is null ? "" : $"\"{value}\" ")}{reason}")
{
    /// <summary>The field (route parameter or body property).</summary>
    public string Field { get; } = field;

    /// <summary>The value given, or null when missing.</summary>
    public string? Value { get; } = value;
}
