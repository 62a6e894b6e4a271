using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.Worlds.Oscc;

/// <summary>The callers of the OSV world; a call waiting in an OSCC hunt group rings there (its pilot is where it rings).</summary>
internal sealed class OsccCallers(ICallers callers, OsccWorld world) : ICallers
{
    private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);

    public CallRef Dial(string name, string callingNumber, string dialled)
    {
        _numbers[name] = callingNumber;
        return callers.Dial(name, callingNumber, dialled);
    }

    public void HangUp(CallRef call) => callers.HangUp(call);

    public bool Forget(CallRef call)
    {
        if (!callers.Forget(call)) return false;
        _numbers.Remove(call.Id);
        return true;
    }

    public CallerView Observe(CallRef call)
    {
        var view = callers.Observe(call);
        if (view.Disposition is not null || !_numbers.TryGetValue(call.Id, out var number) || world.WaitingIn(number) is not { } huntGroup) return view;
        return view with { RingingAt = [.. view.RingingAt, huntGroup] };
    }
}
