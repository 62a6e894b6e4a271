using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The phone actions of STEPS.md: a device answers, rejects, hangs up, or dials a paged call's callback number.</summary>
[Binding]
public sealed class PhoneSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>When "&lt;number&gt;" dials the callback number of caller "&lt;name&gt;".</summary>
    [When("{number} dials the callback number of caller {string}")]
    public void DialsTheCallbackNumberOf(DeviceRef number, string caller)
    {
        var device = Number(number);
        var call = CallOf(caller);
        var callback = Cps.CallbackNumberOf(call)
            ?? throw new InvalidOperationException($"the call of caller \"{caller}\" is not parked on a callback number");
        Phones.Dial(device, callback);
    }

    /// <summary>When "&lt;number&gt;" answers.</summary>
    [When("{number} answers")]
    public void Answers(DeviceRef number)
    {
        var device = Number(number);
        Phones.Answer(device);
    }

    /// <summary>When "&lt;number&gt;" rejects the call.</summary>
    [When("{number} rejects the call")]
    public void RejectsTheCall(DeviceRef number)
    {
        var device = Number(number);
        Phones.Reject(device);
    }

    /// <summary>When "&lt;number&gt;" hangs up.</summary>
    [When("{number} hangs up")]
    public void HangsUp(DeviceRef number)
    {
        var device = Number(number);
        Phones.HangUp(device);
    }
}
