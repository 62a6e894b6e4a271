using Concierge.Csta.Codec;
using Concierge.Csta.Messages;
using Concierge.Csta.Server;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;
using Concierge.Simulators.Osv.Switching;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Simulators.Osv.Csta;

/// <summary>
/// The OSV's CSTA interface (port 1040 by default): monitors on subscribers and hunt-group pilots, and the
/// third-party services carried out by the switch.
/// </summary>
public sealed class OsvCstaServer : IDisposable
{
    private readonly OsvSwitch _switch;
    private readonly Func<string, SimulatedPhone?> _phones;
    private readonly Func<CstaServerListener> _listen;

    internal OsvCstaServer(INetworkStack stack, int port, OsvSwitch osvSwitch, CallEventReporter events, Func<string, SimulatedPhone?> phones, ITrace trace,
        CstaDialect dialect, IEventLoop loop)
    {
        Dialect = dialect;
        _switch = osvSwitch;
        _phones = phones;
        Events = events;
        var dispatcher = new CstaRequestDispatcher();
        Register(dispatcher);
        _listen = () => new CstaServerListener(stack, port, dispatcher, events.Publisher, osvSwitch.IsKnownDevice, trace, loop: loop, dialect: dialect);
        Listener = _listen();
    }

    /// <summary>How this CSTA interface writes and reads (the OSV dialect: edition 4, N&lt;…&gt; identifiers, extras).</summary>
    public CstaDialect Dialect { get; }

    /// <summary>The listener (links, publisher).</summary>
    public CstaServerListener Listener { get; private set; }

    /// <summary>True between <see cref="Fail"/> and <see cref="Restore"/>.</summary>
    public bool IsDown { get; private set; }

    /// <summary>The CSTA service fails: every link is closed and new connections are refused until restored.</summary>
    public void Fail(string reason = "CSTA service failure")
    {
        if (IsDown) return;
        IsDown = true;
        Listener.CloseAll(reason);
        Listener.Dispose();
    }

    /// <summary>The CSTA service listens again on the same port; clients reconnect and monitor again.</summary>
    public void Restore()
    {
        if (!IsDown) return;
        IsDown = false;
        Listener = _listen();
    }

    /// <summary>The event reporter.</summary>
    public CallEventReporter Events { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!IsDown) Listener.Dispose();
    }

    private void Register(CstaRequestDispatcher d)
    {
        // The OSV answers MonitorStart itself so that, with the V8 flag, the answer says the device is a Unify Phone ONS.
        d.Register<MonitorStart>((r, c) =>
        {
            if (!_switch.IsKnownDevice(r.Device))
            {
                c.Respond(CstaErrorResponse.InvalidDevice);
                return;
            }
            c.Respond(new MonitorStartResponse(Events.Publisher.Start(c.Link, r.Device)) { PrivateData = Events.V8.For(r.Device) });
        });
        d.Register<SetForwarding>((r, c) =>
        {
            if (_switch.Device(r.Device) is null)
            {
                c.Respond(CstaErrorResponse.InvalidDevice);
                return;
            }
            var target = r.ActivateForward ? r.ForwardDn : null;
            if (!_switch.SetForwarding(r.Device, r.ForwardingType, target)) c.Respond(CstaErrorResponse.RequestIncompatible);
            else c.Respond(new SetForwardingResponse());
        });
        d.Register<GetForwarding>((r, c) =>
        {
            if (_switch.Device(r.Device) is not { } device)
            {
                c.Respond(CstaErrorResponse.InvalidDevice);
                return;
            }
            c.Respond(new GetForwardingResponse(new ValueList<ForwardListItem>(
            [
                new(ForwardingType.Immediate, device.ForwardImmediate is not null, device.ForwardImmediate),
                new(ForwardingType.Busy, device.ForwardBusy is not null, device.ForwardBusy),
                new(ForwardingType.NoAnswer, device.ForwardNoAnswer is not null, device.ForwardNoAnswer),
            ])));
        });
        d.Register<MakeCall>((r, c) => Answer(c, _switch.MakeCall(r.CallingDevice, r.CalledDirectoryNumber) is { } conn ? new MakeCallResponse(conn) : null));
        d.Register<AnswerCall>((r, c) =>
        {
            var phone = _phones(r.CallToBeAnswered.DeviceId);
            Answer(c, phone is not null && phone.Answer() ? new AnswerCallResponse() : null);
        });
        d.Register<ClearConnection>((r, c) => Answer(c, _switch.Clear(r.ConnectionToBeCleared) ? new ClearConnectionResponse() : null));
        d.Register<HoldCall>((r, c) => Answer(c, _switch.Hold(r.CallToBeHeld) ? new HoldCallResponse() : null));
        d.Register<RetrieveCall>((r, c) => Answer(c, _switch.Retrieve(r.CallToBeRetrieved) ? new RetrieveCallResponse() : null));
        d.Register<ConsultationCall>((r, c) =>
        {
            if (!_switch.Hold(r.ExistingCall))
            {
                c.Respond(CstaErrorResponse.InvalidObjectState);
                return;
            }
            Answer(c, _switch.MakeCall(r.ExistingCall.DeviceId, r.ConsultedDevice) is { } conn ? new ConsultationCallResponse(conn) : null);
        });
        d.Register<TransferCall>((r, c) => Answer(c, _switch.Transfer(r.HeldCall, r.ActiveCall) ? new TransferCallResponse(r.HeldCall) : null));
        d.Register<SingleStepTransferCall>((r, c) =>
            Answer(c, _switch.SingleStepTransfer(r.ActiveCall, r.TransferredTo) is { } conn ? new SingleStepTransferCallResponse(conn) : null));
        d.Register<DeflectCall>((r, c) => Answer(c, _switch.Deflect(r.CallToBeDiverted, r.NewDestination) ? new DeflectCallResponse() : null));
        d.Register<SetAgentState>((r, c) =>
        {
            var ready = r.RequestedAgentState is RequestedAgentState.Ready or RequestedAgentState.LoggedOn;
            c.Respond(_switch.SetAgentReady(r.Device, ready) ? new SetAgentStateResponse() : CstaErrorResponse.InvalidDevice);
        });
        d.Register<SetDoNotDisturb>((r, c) =>
            c.Respond(_switch.SetDoNotDisturb(r.Device, r.DoNotDisturbOn) ? new SetDoNotDisturbResponse() : CstaErrorResponse.InvalidDevice));
        d.Register<GetDoNotDisturb>((r, c) =>
            c.Respond(_switch.Device(r.Device) is { } device ? new GetDoNotDisturbResponse(device.DoNotDisturb) : CstaErrorResponse.InvalidDevice));
        d.Register<SnapshotDevice>((r, c) =>
        {
            if (!_switch.IsKnownDevice(r.Device))
            {
                c.Respond(CstaErrorResponse.InvalidDevice);
                return;
            }
            c.Respond(new SnapshotDeviceResponse(new ValueList<SnapshotCall>(_switch.Snapshot(r.Device).Select(s => new SnapshotCall(s.Connection, s.State)))));
        });
        d.Register<GetAgentState>((r, c) =>
        {
            if (_switch.Device(r.Device) is not { } device)
            {
                c.Respond(CstaErrorResponse.InvalidDevice);
                return;
            }
            var state = device.ActiveCalls > 0 ? AgentState.Busy : device.AgentReady ? AgentState.Ready : AgentState.NotReady;
            c.Respond(new GetAgentStateResponse(new ValueList<AgentStateEntry>([new AgentStateEntry(null, true, state, null)])));
        });
    }

    private static void Answer(CstaRequestContext context, CstaResponse? response) =>
        context.Respond(response ?? (CstaMessage)CstaErrorResponse.InvalidObjectState);
}
