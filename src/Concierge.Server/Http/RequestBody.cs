using System.Globalization;
using System.Text.Json;
using Concierge.Config.Numbers;

namespace Concierge.Server.Http;

/// <summary>A request's JSON object body and its fields, each read or refused with a <see cref="BadInputException"/> naming it.</summary>
public sealed class RequestBody
{
    /// <summary>Longest body read.</summary>
    public const int MaxBytes = 64 * 1024;

    private readonly JsonElement _root;

    private RequestBody(JsonElement root) => _root = root;

    /// <summary>Reads the body of <paramref name="request"/> as one JSON object.</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxBytes) throw new BadInputException("body", null, $"is longer than {MaxBytes} bytes");
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BadInputException("body", Shorten(document.RootElement.GetRawText()), "is not a JSON object");
            return new RequestBody(document.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            throw new BadInputException("body", null, $"is not JSON ({ex.Message})");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new BadInputException("body", null, $"is longer than {MaxBytes} bytes");
        }
    }

    /// <summary>Refuses a field other than <paramref name="names"/> (a misspelt field is an error, not ignored).</summary>
    public RequestBody Allow(params string[] names)
    {
        foreach (var property in _root.EnumerateObject())
            if (!names.Contains(property.Name, StringComparer.Ordinal))
                throw new BadInputException(property.Name, Raw(property.Value), $"is not a field here (fields: {string.Join(", ", names)})");
        return this;
    }

    /// <summary>The string <paramref name="name"/>.</summary>
    public string Text(string name)
    {
        var value = Field(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new BadInputException(name, Raw(value), "is not a string");
    }

    /// <summary>The list of strings <paramref name="name"/> (at most <paramref name="max"/>).</summary>
    public IReadOnlyList<string> Texts(string name, int max)
    {
        var value = Field(name);
        if (value.ValueKind != JsonValueKind.Array) throw new BadInputException(name, Raw(value), "is not a list of strings");
        if (value.GetArrayLength() > max) throw new BadInputException(name, null, $"has {value.GetArrayLength()} items, more than {max}");
        return value.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw new BadInputException($"{name}[{i}]", Raw(item), "is not a string")).ToList();
    }

    /// <summary>The boolean <paramref name="name"/>.</summary>
    public bool Boolean(string name) => Field(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        var other => throw new BadInputException(name, Raw(other), "is not true or false"),
    };

    /// <summary>The whole number <paramref name="name"/> (a JSON number or a string of digits).</summary>
    public long Int64(string name)
    {
        var value = Field(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number)) return number;
        throw new BadInputException(name, Raw(value), "is not a whole number");
    }

    /// <summary>
    /// The number <paramref name="name"/> as an attendant typed it (a string: "+" and the international number, or
    /// digits as dialled on the PABX), read into E.164 with the PABX routing data <paramref name="routing"/>.
    /// </summary>
    public E164Number Dialled(string name, Csta.Numbers.PabxRoutingData? routing)
    {
        var value = Field(name);
        if (value.ValueKind != JsonValueKind.String) throw new BadInputException(name, Raw(value), "is not a string");
        var text = value.GetString();
        return Cps.Attendants.DialledNumber.TryRead(text, routing, out var number, out var reason)
            ? number
            : throw new BadInputException(name, Shorten(text ?? ""), reason);
    }

    private JsonElement Field(string name) =>
        _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new BadInputException(name, null, "is required");

    private static string Raw(JsonElement value) => Shorten(value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText());

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
