using Concierge.Cps.Records;
using Concierge.Scenarios.Systems;
using Concierge.Simulators.OsBiz;
using Concierge.Simulators.OsBiz.Calls;

namespace Concierge.Scenarios.Worlds.OsBiz;

/// <summary>Callers on the system's public trunk (ISDN) calling DIDs of Unify Phone users and teams.</summary>
internal sealed class OsBizCallers(OsBizSystem system) : ICallers
{
    private readonly Dictionary<string, PublicCall> _calls = new(StringComparer.Ordinal);

    public CallRef Dial(string name, string callingNumber, string dialled)
    {
        _calls[name] = system.Dial(callingNumber, dialled);
        return new CallRef(name);
    }

    public void HangUp(CallRef call) => system.CallerHangsUp(Call(call));

    public bool Forget(CallRef call) => Call(call).IsOver && _calls.Remove(call.Id);

    public CallerView Observe(CallRef call)
    {
        var c = Call(call);
        if (c.IsOver)
            return new CallerView(CallerHearing.Nothing, null, null, [], c.End switch
            {
                PublicCallEnd.Answered => CallDisposition.Answered,
                PublicCallEnd.Abandoned => CallDisposition.Abandoned,
                _ => CallDisposition.Failed,
            });
        return c.ConnectedTo is { } party
            ? new CallerView(CallerHearing.Connected, null, party, [], null)
            : new CallerView(CallerHearing.Ringing, null, null, c.RingingAt, null);
    }

    private PublicCall Call(CallRef call) =>
        _calls.TryGetValue(call.Id, out var c) ? c : throw new InvalidOperationException($"no caller {call}");
}
