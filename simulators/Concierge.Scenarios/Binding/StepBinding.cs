using System.Reflection;
using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.Binding;

/// <summary>One phrase bound to one method: how to match a step text and how to call the method with typed arguments.</summary>
public sealed class StepBinding
{
    private readonly ParameterInfo[] _parameters;

    /// <summary>Binds <paramref name="method"/> to <paramref name="phrase"/> for steps of <paramref name="kind"/>.</summary>
    public StepBinding(StepKind kind, string phrase, MethodInfo method)
    {
        Kind = kind;
        Method = method;
        Pattern = StepPattern.Compile(phrase);
        _parameters = method.GetParameters();
        var last = _parameters.LastOrDefault();
        TableType = last is not null && IsTableParameter(last.ParameterType) ? last.ParameterType : null;
        var captured = _parameters.Length - (TableType is null ? 0 : 1);
        if (captured != Pattern.Placeholders.Count)
            throw new ArgumentException($"{Where}: phrase '{phrase}' captures {Pattern.Placeholders.Count} values but the method takes {captured}");
        foreach (var parameter in _parameters.Take(captured))
            if (!ValueConversion.Supports(parameter.ParameterType))
                throw new ArgumentException($"{Where}: parameter '{parameter.Name}' of type {parameter.ParameterType.Name} cannot be read from step text");
        Display = kind + " " + Pattern.Display(_parameters.Take(captured).Select(p => p.Name ?? "value").ToArray());
    }

    /// <summary>Given, When or Then.</summary>
    public StepKind Kind { get; }

    /// <summary>The bound method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The compiled phrase.</summary>
    public StepPattern Pattern { get; }

    /// <summary>The type of the trailing data-table parameter, or null when the step takes no table.</summary>
    public Type? TableType { get; }

    /// <summary>The phrase as people read it: `Given attendant "&lt;who&gt;" is logged on`.</summary>
    public string Display { get; }

    /// <summary>`Class.Method`, for error messages.</summary>
    public string Where => $"{Method.DeclaringType?.Name}.{Method.Name}";

    /// <summary>The captured groups when <paramref name="text"/> matches, else null.</summary>
    public IReadOnlyList<string>? Match(string text)
    {
        var match = Pattern.Regex.Match(text);
        return match.Success ? match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => g.Value).ToArray() : null;
    }

    /// <summary>Converts the captured values (and table) into the method's arguments.</summary>
    public object?[] Arguments(IReadOnlyList<string> captured, StepTable? table)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < captured.Count; i++)
        {
            try
            {
                arguments[i] = ValueConversion.Convert(captured[i], _parameters[i].ParameterType);
            }
            catch (FormatException e)
            {
                throw new FormatException($"argument '{_parameters[i].Name}': {e.Message}", e);
            }
        }
        if (TableType is not null)
        {
            if (table is null) throw new FormatException("this step needs a data table");
            arguments[^1] = TableType == typeof(StepTable) ? table : ToTypedList(table, ValueConversion.ListElement(TableType)!);
        }
        else if (table is not null)
        {
            throw new FormatException("this step takes no data table");
        }
        return arguments;
    }

    private static bool IsTableParameter(Type type) =>
        type == typeof(StepTable) || (ValueConversion.ListElement(type) is { } element && element.IsClass && element != typeof(string));

    private static object ToTypedList(StepTable table, Type rowType)
    {
        var rows = TableRows.Read(table, rowType);
        var array = Array.CreateInstance(rowType, rows.Count);
        for (var i = 0; i < rows.Count; i++) array.SetValue(rows[i], i);
        return array;
    }
}
