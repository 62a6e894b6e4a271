using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;

namespace Concierge.Scenarios.Reports.Cucumber;

/// <summary>Cucumber Messages as JSON the way Cucumber's tools read them: camelCase, nulls left out, enums by their protocol value.</summary>
public static class CucumberJson
{
    /// <summary>The serializer options.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new MessageEnumConverterFactory() },
    };

    /// <summary>One envelope as one line of NDJSON (no line break).</summary>
    public static string Serialize(Envelope envelope) => JsonSerializer.Serialize(envelope, Options);

    /// <summary>Writes the enums of the messages library through their generated `Value()` extension (`text/x.cucumber.gherkin+plain`, `PASSED`).</summary>
    private sealed class MessageEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.Assembly == typeof(Envelope).Assembly;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(MessageEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class MessageEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly MethodInfo? ValueMethod = typeof(T).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(m => m.Name == "Value" && m.GetParameters() is [{ } p] && p.ParameterType == typeof(T));

        private static readonly ConcurrentDictionary<T, string> Texts = new();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            foreach (var value in Enum.GetValues<T>())
                if (Text(value) == text) return value;
            throw new JsonException($"'{text}' is not a {typeof(T).Name}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

        private static string Text(T value) => Texts.GetOrAdd(value, v => ValueMethod?.Invoke(null, [v]) as string ?? v.ToString());
    }
}
