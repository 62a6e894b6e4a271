using System.Globalization;
using System.Text.RegularExpressions;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The caller actions of STEPS.md: external callers dial, hang up, and many callers arrive at once or spaced out.</summary>
[Binding]
public sealed partial class CallerSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>Most callers one step may start.</summary>
    public const int MaxCallersPerStep = 10_000;

    private DeterministicRandom? _numbers;

    [GeneratedRegex(@"^\+\d{3,15}$")]
    private static partial Regex ExternalNumber();

    /// <summary>When a caller dials "&lt;number&gt;".</summary>
    [When("a caller dials {number}")]
    public void ACallerDials(DeviceRef number) => Dial(World.Callers.NextGeneratedName(), null, number);

    /// <summary>When caller "&lt;name&gt;" dials "&lt;number&gt;".</summary>
    [When("caller {string} dials {number}")]
    public void CallerDials(string name, DeviceRef number) => Dial(name, null, number);

    /// <summary>When caller "&lt;name&gt;" from "&lt;from&gt;" dials "&lt;number&gt;".</summary>
    [When("caller {string} from {string} dials {number}")]
    public void CallerFromDials(string name, string from, DeviceRef number)
    {
        if (!ExternalNumber().IsMatch(from)) throw new FormatException($"\"{from}\" is not a full calling number such as +4930111");
        Dial(name, from, number);
    }

    /// <summary>When &lt;n&gt; callers dial "&lt;number&gt;".</summary>
    [When("{int} callers dial {number}")]
    public void CallersDial(int count, DeviceRef number) => CallersDialOneEvery(count, number, TimeSpan.Zero);

    /// <summary>When &lt;n&gt; callers dial "&lt;number&gt;" one every &lt;d&gt; (the first now, the others as time passes).</summary>
    [When("{int} callers dial {number} one every {duration}")]
    public void CallersDialOneEvery(int count, DeviceRef number, TimeSpan interval)
    {
        if (count is < 1 or > MaxCallersPerStep) throw new FormatException($"between 1 and {MaxCallersPerStep} callers, not {count}");
        var dialled = Number(number);
        var callers = Callers;
        var names = Enumerable.Range(0, count).Select(_ => World.Callers.NextGeneratedName()).ToArray();
        for (var i = 0; i < count; i++)
        {
            var name = names[i];
            var from = NextCallingNumber();
            if (i == 0 || interval == TimeSpan.Zero) Place(callers, name, from, dialled);
            else World.Loop.ScheduleAfter(interval * i, () => Place(callers, name, from, dialled));
        }
    }

    /// <summary>When caller "&lt;name&gt;" hangs up.</summary>
    [When("caller {string} hangs up")]
    public void CallerHangsUp(string name)
    {
        var call = CallOf(name);
        Callers.HangUp(call);
    }

    private void Dial(string name, string? from, DeviceRef number)
    {
        var dialled = Number(number);
        var callers = Callers;
        Place(callers, name, from ?? NextCallingNumber(), dialled);
    }

    private void Place(Systems.ICallers callers, string name, string from, string dialled)
    {
        World.Trace.Record("caller", $"{name} from {from} dials {dialled}");
        World.Callers.Add(name, from, callers.Dial(name, from, dialled));
    }

    private string NextCallingNumber()
    {
        _numbers ??= World.Random.Split("scenario.caller-numbers");
        return "+4930" + _numbers.Next(1_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture);
    }
}
