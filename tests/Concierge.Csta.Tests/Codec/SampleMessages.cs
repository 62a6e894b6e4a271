using Concierge.Csta.Messages;

namespace Concierge.Csta.Tests.Codec;

/// <summary>One hand-built instance of every supported message, as a switch would send it.</summary>
public static class SampleMessages
{
    private static readonly ConnectionId Call1 = new("4711", "3001");
    private static readonly ConnectionId Call2 = new("4712", "3001");
    private static readonly EventDevice Ext3001 = EventDevice.Of("3001");
    private static readonly EventDevice Ext3002 = EventDevice.Of("3002");
    private static readonly EventDevice External = EventDevice.Of("004989700700");

    public static IReadOnlyList<CstaMessage> All { get; } =
    [
        new MonitorStart("3001"),
        new MonitorStartResponse("17"),
        new MonitorStop("17"),
        new MonitorStopResponse(),
        new SnapshotDevice("3001"),
        new SnapshotDeviceResponse(ValueList.Of(new SnapshotCall(Call1, LocalConnectionState.Connected), new SnapshotCall(Call2, LocalConnectionState.Hold))),
        new MakeCall("3001", "004989700700", AutoOriginateDoNotPrompt: true),
        new MakeCallResponse(Call1),
        new AnswerCall(Call1),
        new AnswerCallResponse(),
        new ClearConnection(Call1),
        new ClearConnectionResponse(),
        new HoldCall(Call1),
        new HoldCallResponse(),
        new RetrieveCall(Call1),
        new RetrieveCallResponse(),
        new ConsultationCall(Call1, "3002"),
        new ConsultationCallResponse(Call2),
        new TransferCall(Call1, Call2),
        new TransferCallResponse(new ConnectionId("4713", "3002")),
        new SingleStepTransferCall(Call1, "3002"),
        new SingleStepTransferCallResponse(new ConnectionId("4713", "3002")),
        new DeflectCall(Call1, "3099"),
        new DeflectCallResponse(),
        new GenerateDigits(Call1, "12#*"),
        new GenerateDigitsResponse(),
        new SetForwarding("3001", ForwardingType.Immediate, true, "3099"),
        new SetForwardingResponse(),
        new GetForwarding("3001"),
        new GetForwardingResponse(ValueList.Of(new ForwardListItem(ForwardingType.Immediate, true, "3099"), new ForwardListItem(ForwardingType.Busy, false, null))),
        new SetDoNotDisturb("3001", true),
        new SetDoNotDisturbResponse(),
        new GetDoNotDisturb("3001"),
        new GetDoNotDisturbResponse(true),
        new SetAgentState("3001", RequestedAgentState.LoggedOn, "A17", "secret", "3500"),
        new SetAgentStateResponse(),
        new GetAgentState("3001"),
        new GetAgentStateResponse(ValueList.Of(new AgentStateEntry("A17", true, AgentState.Ready, "3500"))),
        new SystemStatusRequest(SystemStatus.Normal),
        new SystemStatusResponse(),
        new RequestSystemStatus(),
        new RequestSystemStatusResponse(SystemStatus.Normal),
        new SystemRegister(),
        new SystemRegisterResponse("1"),
        new CstaErrorResponse(ErrorCategory.Operation, "invalidDeviceID"),
        new CstaErrorResponse(ErrorCategory.StateIncompatibility, "invalidObjectState"),
        new ServiceInitiatedEvent("17", Call1, Ext3001, LocalConnectionState.Initiated, EventCause.NewCall),
        new OriginatedEvent("17", Call1, Ext3001, External, LocalConnectionState.Connected, EventCause.NewCall),
        new DeliveredEvent("17", new ConnectionId("4711", "3002"), Ext3002, Ext3001, Ext3002, null, LocalConnectionState.Connected, EventCause.NewCall),
        new DeliveredEvent("18", Call1, Ext3001, EventDevice.Restricted, Ext3001, EventDevice.Of("3500"), LocalConnectionState.Alerting, EventCause.Redirected)
            { PrivateData = PrivateData.ForOnsOnd("3001", "3901") },
        new EstablishedEvent("17", new ConnectionId("4711", "3002"), Ext3002, Ext3001, Ext3002, null, LocalConnectionState.Connected, EventCause.NewCall),
        new HeldEvent("17", Call1, Ext3001, LocalConnectionState.Hold, null),
        new RetrievedEvent("17", Call1, Ext3001, LocalConnectionState.Connected, null),
        new ConnectionClearedEvent("17", new ConnectionId("4711", "3002"), Ext3002, LocalConnectionState.Null, EventCause.NormalClearing),
        new CallClearedEvent("17", new ConnectionId("4711", ""), null, EventCause.NormalClearing),
        new TransferredEvent("17", Call1, Call2, Ext3001, Ext3002,
            ValueList.Of(new ConnectionListItem(new ConnectionId("4713", "3002"), new ConnectionId("4712", "3002"), Ext3002),
                new ConnectionListItem(new ConnectionId("4713", "004989700700"), null, External)),
            LocalConnectionState.Null, EventCause.Transfer),
        new ConferencedEvent("17", Call1, Call2, Ext3001, Ext3002, ValueList<ConnectionListItem>.Empty, LocalConnectionState.Connected, EventCause.Conference),
        new DivertedEvent("17", Call1, Ext3001, EventDevice.Of("3099"), External, Ext3001, null, LocalConnectionState.Null, EventCause.CallForwardImmediate),
        new FailedEvent("17", new ConnectionId("4711", "3002"), Ext3002, Ext3002, Ext3001, null, LocalConnectionState.Fail, EventCause.Busy),
        new QueuedEvent("17", Call1, EventDevice.Of("3500"), External, EventDevice.Of("3500"), null, 3, LocalConnectionState.Queued, EventCause.EnteringDistribution),
        new NetworkReachedEvent("17", new ConnectionId("4711", "T1"), EventDevice.Of("T1"), Ext3001, External, null, LocalConnectionState.Connected, EventCause.NewCall),
        new ForwardingEvent("17", "3001", ForwardingType.Immediate, true, "3099"),
        new ForwardingEvent("17", "3001", ForwardingType.NoAnswer, false, null),
        new DoNotDisturbEvent("17", "3001", true),
        new BackInServiceEvent("17", "3001", null),
        new OutOfServiceEvent("17", "3001", EventCause.MaintenanceChange),
        new AgentLoggedOnEvent("17", "3001", "A17", "3500"),
        new AgentLoggedOffEvent("17", "3001", "A17", "3500"),
        new AgentReadyEvent("17", "3001", "A17", null),
        new AgentNotReadyEvent("17", "3001", "A17", null),
        new AgentBusyEvent("17", "3001", null, null),
        // OSV "Private Data Presentation – V8": the monitor answer of a Unify Phone ONS names its OND.
        new MonitorStartResponse("18") { PrivateData = PrivateData.ForOnsOnd("+4950505807583", "+4950505807683") },
        // An OSV heartbeat: SystemStatus without a systemStatus element.
        SystemStatusRequest.BareHeartbeat,
        // ECMA-354 application session (its own namespace).
        new StartApplicationSession("Concierge", ValueList.Of("http://www.ecma-international.org/standards/ecma-323/csta/ed4"), 180),
        new StartApplicationSessionPosResponse("session-1", "http://www.ecma-international.org/standards/ecma-323/csta/ed4", 120),
        new StartApplicationSessionNegResponse("requestedProtocolVersionNotSupported"),
        new ResetApplicationSessionTimer("session-1", 180),
        new ResetApplicationSessionTimerPosResponse(120),
        new ResetApplicationSessionTimerNegResponse("invalidSessionID"),
        new StopApplicationSession("session-1"),
        new StopApplicationSessionPosResponse(),
        new StopApplicationSessionNegResponse("invalidSessionID"),
    ];
}
