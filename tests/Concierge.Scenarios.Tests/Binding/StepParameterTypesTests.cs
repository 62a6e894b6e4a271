using Concierge.Config.Durations;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.Tests.Binding;

public sealed class StepParameterTypesTests
{
    [Fact]
    public void Reqnroll_parameter_regexes_are_the_step_language_patterns_with_capturing_groups()
    {
        Assert.Equal(StepParameterTypes.DurationRegex, "(" + DurationText.Pattern.Replace("(?:", "(", StringComparison.Ordinal) + ")");
        Assert.Equal(StepParameterTypes.QuotedListRegex, "(" + QuotedList.Pattern.Replace("(?:", "(", StringComparison.Ordinal) + ")");
    }

    [Fact]
    public void Reqnroll_keeps_the_parameter_regexes_instead_of_matching_anything()
    {
        var catalog = StepCatalog.FromAssembly(typeof(Concierge.Scenarios.World.ScenarioWorld).Assembly);
        var pass = catalog.Bindings.Single(b => b.Where == "TimeAndFailureSteps.TimePasses");
        Assert.True(pass.Matches("2.5 minutes pass"));
        Assert.False(pass.Matches("soon pass"));
        var loggedOn = catalog.Bindings.Single(b => b.Display.StartsWith("Given attendants ", StringComparison.Ordinal));
        Assert.True(loggedOn.Matches("attendants \"7580\", \"7581\" and \"Reception\" are logged on"));
        Assert.False(loggedOn.Matches("attendants 7580 are logged on"));
    }
}
