using System.Reflection;
using Concierge.Csta.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Codec;

/// <summary>
/// Builds random instances of every supported message type by filling each constructor parameter with a random value
/// of its type; the FsCheck generator picks the seed.
/// </summary>
public static class RandomMessages
{
    private const string Alphabet = "0123456789+*#abcXYZ&<>'\"-_.é€";

    private static readonly Type[] MessageTypes = SampleMessages.All.Select(m => m.GetType()).Distinct().ToArray();

    /// <summary>An FsCheck arbitrary over all message types.</summary>
    public static Arbitrary<CstaMessage> Arbitrary() =>
        Gen.Choose(0, int.MaxValue).Select(seed => Create(new Random(seed))).ToArbitrary();

    /// <summary>A random message of a random type.</summary>
    public static CstaMessage Create(Random random)
    {
        var type = MessageTypes[random.Next(MessageTypes.Length)];
        var message = (CstaMessage)Build(type, random)!;
        return random.Next(4) == 0 ? message with { PrivateData = RandomPrivateData(random) } : message;
    }

    private static PrivateData RandomPrivateData(Random random)
    {
        var pair = random.Next(2) == 0 ? null : RandomOnsOnd(random);
        var items = Enumerable.Range(0, random.Next(3))
            .Select(i => $"<vendorItem{i} xmlns=\"urn:example:vendor\">{EscapeText(Text(random))}</vendorItem{i}>")
            .ToArray();
        return new PrivateData(pair, items.Length == 0 ? ValueList<string>.Empty : new ValueList<string>(items));
    }

    /// <summary>A well-formed OSV V8 pair: two different device numbers (optional '+', 1 to 32 digits).</summary>
    public static OnsOndPair RandomOnsOnd(Random random)
    {
        var ons = DeviceNumber(random);
        var ond = DeviceNumber(random);
        return new OnsOndPair(ons, ond == ons ? ons + "0" : ond);
    }

    private static string DeviceNumber(Random random)
    {
        var digits = new char[random.Next(1, 17)];
        for (var i = 0; i < digits.Length; i++) digits[i] = (char)('0' + random.Next(10));
        return (random.Next(2) == 0 ? "+" : "") + new string(digits);
    }

    // Escaped the way XmlReader.ReadOuterXml writes text, so the kept item is already in its stable form.
    private static string EscapeText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static object? Build(Type type, Random random)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => Value(p, random)).ToArray();
        return ctor.Invoke(args);
    }

    private static object? Value(ParameterInfo parameter, Random random)
    {
        var nullable = new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
        var type = parameter.ParameterType;
        var underlying = Nullable.GetUnderlyingType(type);
        if ((underlying is not null || nullable) && random.Next(3) == 0) return null;
        return Value(underlying ?? type, random);
    }

    private static object Value(Type type, Random random)
    {
        if (type == typeof(string)) return Text(random);
        if (type == typeof(bool)) return random.Next(2) == 0;
        if (type == typeof(int)) return random.Next(0, 1000);
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(random.Next(values.Length))!;
        }
        if (type == typeof(ConnectionId)) return new ConnectionId(Text(random), Text(random));
        if (type == typeof(EventDevice))
        {
            return random.Next(4) switch
            {
                0 => EventDevice.NotKnown,
                1 => EventDevice.Restricted,
                _ => EventDevice.Of(Text(random)),
            };
        }
        if (type == typeof(EventCause)) return new EventCause(Text(random));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            var element = type.GetGenericArguments()[0];
            var items = Array.CreateInstance(element, random.Next(4));
            for (var i = 0; i < items.Length; i++) items.SetValue(Value(element, random), i);
            return Activator.CreateInstance(type, items)!;
        }
        if (type.IsClass) return Build(type, random)!;
        throw new NotSupportedException($"no generator for {type}");
    }

    private static string Text(Random random)
    {
        var length = random.Next(1, 12);
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
        return new string(chars);
    }
}
