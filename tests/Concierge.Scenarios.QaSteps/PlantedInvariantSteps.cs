using Concierge.Cps;
using Concierge.Scenarios.World;
using Concierge.Scenarios.Worlds.Osv;
using Concierge.Sip.Message;
using Reqnroll;

namespace Concierge.Scenarios.QaSteps;

/// <summary>Steps that plant a bug: the CPS's SIP handler breaks an invariant on the first INVITE it receives.</summary>
[Binding]
public sealed class PlantedInvariantSteps(ScenarioWorld world)
{
    public const string Broken = "planted: two calls hold one processing channel";

    [Given("the CPS breaks an invariant on its next INVITE")]
    public void BreakOnNextInvite() => Plant(world);

    /// <summary>Wraps the primary CPS's SIP request handler so that the first INVITE breaks an invariant.</summary>
    public static void Plant(ScenarioWorld world)
    {
        var stack = ((OsvWorld)world.System).Primary.Node.Stack ?? throw new InvalidOperationException("the CPS is not running");
        var handler = stack.RequestReceived;
        stack.RequestReceived = received =>
        {
            if (received.Request.Method == SipMethod.Invite) throw new CpsInvariantException(Broken);
            handler?.Invoke(received);
        };
    }
}
