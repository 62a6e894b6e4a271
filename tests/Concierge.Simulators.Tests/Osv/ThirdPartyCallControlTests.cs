using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Media;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class ThirdPartyCallControlTests
{
    private const string Caller = "+493011100001";
    private const string Attendant = "+4950505807580";

    private static CstaRequestOutcome Send(OsvWorld world, CstaClientSession session, CstaRequest request)
    {
        CstaRequestOutcome? outcome = null;
        session.Send(request, o => outcome = o);
        world.Loop.RunUntil(() => outcome is not null, TimeSpan.FromSeconds(5));
        world.Run(TimeSpan.FromSeconds(1));
        return outcome!;
    }

    private static (OsvWorld World, CstaClientSession Session, PartyCall Call, ConnectionId Connection) AttendantTalking(ulong seed)
    {
        var world = new OsvWorld(seed: seed);
        var session = world.ConnectCsta();
        var call = world.Callers.Dial("c1", Caller, Attendant);
        world.Run(TimeSpan.FromSeconds(1));
        world.Phone("7580").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        return (world, session, call, new ConnectionId(world.Osv.Switch.Calls.Single().CstaCallId, Attendant));
    }

    [Fact]
    public void Hold_silences_the_far_party_and_retrieve_reconnects()
    {
        var (world, session, call, connection) = AttendantTalking(51);
        Assert.Equal(MediaContent.VoiceOf(Attendant), call.Hears);
        Assert.True(Send(world, session, new HoldCall(connection)).IsSuccess);
        Assert.Equal(MediaContent.Silence, call.Hears);
        Assert.True(Send(world, session, new RetrieveCall(connection)).IsSuccess);
        Assert.Equal(MediaContent.VoiceOf(Attendant), call.Hears);
    }

    [Fact]
    public void Consultation_then_transfer_connects_the_caller_with_the_consulted_party()
    {
        var (world, session, call, connection) = AttendantTalking(52);
        var consult = Send(world, session, new ConsultationCall(connection, "+4950505807001"));
        Assert.True(consult.IsSuccess);
        Assert.True(world.Phone("7001").IsRinging);
        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(MediaContent.VoiceOf("+4950505807001"), world.Phone("7580").Hears);

        var active = ((ConsultationCallResponse)consult.Response!).InitiatedCall;
        Assert.True(Send(world, session, new TransferCall(connection, active)).IsSuccess);
        Assert.Equal(MediaContent.VoiceOf("+4950505807001"), call.Hears);
        Assert.Equal(MediaContent.VoiceOf(Caller), world.Phone("7001").Hears);
        Assert.False(world.Phone("7580").IsConnected);
    }

    [Fact]
    public void Deflect_sends_a_ringing_call_elsewhere()
    {
        var world = new OsvWorld(seed: 53);
        var session = world.ConnectCsta();
        world.Callers.Dial("c1", Caller, "+4950505807002");
        world.Run(TimeSpan.FromSeconds(1));
        var connection = new ConnectionId(world.Osv.Switch.Calls.Single().CstaCallId, "+4950505807002");
        Assert.True(Send(world, session, new DeflectCall(connection, "+4950505807003")).IsSuccess);
        Assert.False(world.Phone("7002").IsRinging);
        Assert.True(world.Phone("7003").IsRinging);
    }

    [Fact]
    public void AnswerCall_answers_at_the_phone()
    {
        var world = new OsvWorld(seed: 54);
        var session = world.ConnectCsta();
        var call = world.Callers.Dial("c1", Caller, "+4950505807002");
        world.Run(TimeSpan.FromSeconds(1));
        var connection = new ConnectionId(world.Osv.Switch.Calls.Single().CstaCallId, "+4950505807002");
        Assert.True(Send(world, session, new AnswerCall(connection)).IsSuccess);
        Assert.Equal(PartyCallState.Connected, call.State);
    }

    [Fact]
    public void With_the_V8_flag_events_of_a_Unify_Phone_ONS_carry_the_ONS_OND_pair()
    {
        var world = new OsvWorld("osv-unifyphone", seed: 55);
        var session = world.ConnectCsta();
        var events = new List<MonitoredEvent>();
        session.EventReceived += e => events.Add(e);
        session.Monitor("+4950505807583");
        session.Monitor("+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        world.Callers.Dial("c1", Caller, "+4950505807583");
        world.Callers.Dial("c2", "+493011100002", Attendant);
        world.Run(TimeSpan.FromSeconds(1));

        var ons = events.First(e => e.Device == "+4950505807583" && e.Event is DeliveredEvent);
        Assert.Equal(new OnsOndPair("+4950505807583", "+4950505807683"), ons.Event.PrivateData?.OnsOnd);
        var plain = events.First(e => e.Device == Attendant && e.Event is DeliveredEvent);
        Assert.Null(plain.Event.PrivateData?.OnsOnd);
    }
}
