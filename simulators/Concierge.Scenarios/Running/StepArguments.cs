using System.Globalization;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

namespace Concierge.Scenarios.Running;

/// <summary>
/// A bound step's arguments read the way Reqnroll will read them when the step runs (its matcher and its step
/// argument transformations), ahead of the run: a bad value fails the scenario before anything executes.
/// </summary>
public static class StepArguments
{
    /// <summary>The converted arguments of <paramref name="step"/>; a value that does not convert is a <see cref="FormatException"/> naming the argument.</summary>
    public static async Task<object?[]> ConvertAsync(ScenarioContext context, StepMatch match, ScenarioStep step)
    {
        var definition = match.Binding!.Definition;
        var container = context.ScenarioContainer;
        var matcher = container.Resolve<IStepDefinitionMatchService>();
        var converter = container.Resolve<IStepArgumentTypeConverter>();
        var featureInfo = container.Resolve<FeatureContext>().FeatureInfo;
        var table = step.Table is null ? null : StepTables.ToReqnroll(step.Table);
        var type = step.Kind switch { StepKind.Given => StepDefinitionType.Given, StepKind.When => StepDefinitionType.When, _ => StepDefinitionType.Then };
        var keyword = step.Kind switch { StepKind.Given => StepDefinitionKeyword.Given, StepKind.When => StepDefinitionKeyword.When, _ => StepDefinitionKeyword.Then };
        var instance = new StepInstance(type, keyword, step.Keyword, match.Text, step.DocString, table, new StepContext(featureInfo, context.ScenarioInfo));
        var found = matcher.Match(definition, instance, CultureInfo.InvariantCulture, true, false, false);
        var values = found.Arguments.Select(a => a.Value).ToArray();
        var parameters = definition.Method.Parameters.ToArray();
        if (values.Length != parameters.Length)
        {
            if (step.Table is null && step.DocString is null && parameters.Length == values.Length + 1) throw new FormatException("this step needs a data table");
            if (step.Table is not null && parameters.Length == values.Length - 1) throw new FormatException("this step takes no data table");
            if (step.DocString is not null && parameters.Length == values.Length - 1) throw new FormatException("this step takes no doc string");
            throw new FormatException($"the phrase captures {values.Length} values but {definition.Method.Name} takes {parameters.Length}");
        }
        var arguments = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                arguments[i] = await converter.ConvertAsync(values[i], parameters[i].Type, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or OverflowException or InvalidCastException)
            {
                throw new FormatException($"argument '{parameters[i].ParameterName}': {e.Message}", e);
            }
        }
        return arguments;
    }
}
