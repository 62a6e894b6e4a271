using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using PendingStepException = Concierge.Scenarios.World.PendingStepException;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Support;

/// <summary>
/// A small step library for runner tests (the only Reqnroll bindings of this test assembly): a counter that moves with
/// virtual time, pending, failing and hook steps, an ambiguous pair and a phrase that does not fit its method. Reqnroll
/// runs them together with the runner's own step language (`{duration} pass`, the parameter types).
/// </summary>
[Binding]
public sealed class SampleSteps(ScenarioWorld world)
{
    /// <summary>What the steps and hooks did, across scenarios (tests reset it).</summary>
    public static readonly List<string> Log = [];

    private int _counter;

    public sealed record Person(string Name, int Age);

    [StepArgumentTransformation]
    public static IReadOnlyList<Person> People(Table table) => TableRows.Read<Person>(StepTables.FromReqnroll(table));

    [Given("a counter at {int}")]
    public void ACounterAt(int value) => _counter = value;

    [Given("the counter rises by one every {duration}")]
    public void RisesEvery(TimeSpan period) => Concierge.Runtime.Loop.EventLoopExtensions.ScheduleEvery(world.Loop, period, () =>
    {
        _counter++;
        world.Trace.Record("counter", _counter.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    [When("{string} greets {strings}")]
    public void Greets(string who, IReadOnlyList<string> others) => Log.Add($"{who}>{string.Join("+", others)}");

    [When("device {number} is noted")]
    public void Noted(DeviceRef device) => Log.Add("device " + device.Text);

    [When("these people arrive:")]
    public void Arrive(IReadOnlyList<Person> people) => Log.AddRange(people.Select(p => $"{p.Name}:{p.Age}"));

    [When("the raw table is:")]
    public void Raw(StepTable table) => Log.Add($"raw {table.Rows.Count}");

    [When("something is not built yet")]
    public void NotBuilt() => throw new PendingStepException("needs the frobnicator");

    [When("something breaks")]
    public void Breaks() => throw new InvalidOperationException("boom");

    [When("the invariant breaks")]
    public void BreakInvariant() => Log.Add("break");

    [When("the system starts")]
    public void TheSystemStarts() => _ = world.System;

    [When(@"^the regex step (\d+) and (\w+)$")]
    public void RegexStep(int number, string word) => Log.Add($"regex {number} {word}");

    [Then("the counter is {int}")]
    public void TheCounterIs(int expected) => world.Expect(() => _counter == expected, () => $"counter {_counter}");

    [Then("the counter is at least {int}")]
    public void TheCounterIsAtLeast(int expected) => world.Expect(() => _counter >= expected, () => $"counter {_counter}");

    [Then("the counter is {int} or so")]
    public void Ambiguous1(int expected) => TheCounterIs(expected);

    [Then("the counter is {string} or so")]
    public void Ambiguous2(string expected) => TheCounterIs(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [When("{duration} elapse")]
    public void Elapse(TimeSpan duration) => world.Pass(duration);

    [When("{duration} elapse")]
    public void ElapseAgain(TimeSpan duration) => world.Pass(duration);

    [When("it takes {int}")]
    public void Takes() { }

    [When("the note is:")]
    public void Note(string text) => Log.Add("note " + text);

    [BeforeScenario]
    public void Before() => Log.Add("before");

    [BeforeScenario("tagged")]
    public void BeforeTagged() => Log.Add("before tagged");

    [AfterScenario]
    public void After() => Log.Add("after");
}
