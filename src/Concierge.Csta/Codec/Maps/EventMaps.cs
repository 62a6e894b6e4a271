using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>Element layouts of the events.</summary>
internal static class EventMaps
{
    public static void AddTo(MessageMapRegistry maps)
    {
        maps.Add<ServiceInitiatedEvent>("ServiceInitiatedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("initiatedConnection", e.InitiatedConnection);
                w.Device("initiatingDevice", e.InitiatingDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new ServiceInitiatedEvent(r.CrossRef(), r.Connection("initiatedConnection"), r.Device("initiatingDevice"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<OriginatedEvent>("OriginatedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("originatedConnection", e.OriginatedConnection);
                w.Device("callingDevice", e.CallingDevice);
                w.Device("calledDevice", e.CalledDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new OriginatedEvent(r.CrossRef(), r.Connection("originatedConnection"), r.Device("callingDevice"),
                r.Device("calledDevice"), r.LocalConnectionInfo(), r.Cause()));
        maps.Add<DeliveredEvent>("DeliveredEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("connection", e.Connection);
                w.Device("alertingDevice", e.AlertingDevice);
                w.Device("callingDevice", e.CallingDevice);
                w.Device("calledDevice", e.CalledDevice);
                w.OptionalDevice("lastRedirectionDevice", e.LastRedirectionDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new DeliveredEvent(r.CrossRef(), r.Connection("connection"), r.Device("alertingDevice"),
                r.Device("callingDevice"), r.Device("calledDevice"), r.OptionalDevice("lastRedirectionDevice"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<EstablishedEvent>("EstablishedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("establishedConnection", e.EstablishedConnection);
                w.Device("answeringDevice", e.AnsweringDevice);
                w.Device("callingDevice", e.CallingDevice);
                w.Device("calledDevice", e.CalledDevice);
                w.OptionalDevice("lastRedirectionDevice", e.LastRedirectionDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new EstablishedEvent(r.CrossRef(), r.Connection("establishedConnection"), r.Device("answeringDevice"),
                r.Device("callingDevice"), r.Device("calledDevice"), r.OptionalDevice("lastRedirectionDevice"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<HeldEvent>("HeldEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("heldConnection", e.HeldConnection);
                w.Device("holdingDevice", e.HoldingDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new HeldEvent(r.CrossRef(), r.Connection("heldConnection"), r.Device("holdingDevice"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<RetrievedEvent>("RetrievedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("retrievedConnection", e.RetrievedConnection);
                w.Device("retrievingDevice", e.RetrievingDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new RetrievedEvent(r.CrossRef(), r.Connection("retrievedConnection"), r.Device("retrievingDevice"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<ConnectionClearedEvent>("ConnectionClearedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("droppedConnection", e.DroppedConnection);
                w.Device("releasingDevice", e.ReleasingDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new ConnectionClearedEvent(r.CrossRef(), r.Connection("droppedConnection"), r.Device("releasingDevice"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<CallClearedEvent>("CallClearedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("clearedCall", e.ClearedCall);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new CallClearedEvent(r.CrossRef(), r.Connection("clearedCall"), r.LocalConnectionInfo(), r.Cause()));
        maps.Add<TransferredEvent>("TransferredEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("primaryOldCall", e.PrimaryOldCall);
                w.OptionalConnection("secondaryOldCall", e.SecondaryOldCall);
                w.Device("transferringDevice", e.TransferringDevice);
                w.Device("transferredToDevice", e.TransferredToDevice);
                WriteConnectionList(w, "transferredConnections", e.TransferredConnections);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new TransferredEvent(r.CrossRef(), r.Connection("primaryOldCall"), r.OptionalConnection("secondaryOldCall"),
                r.Device("transferringDevice"), r.Device("transferredToDevice"), ReadConnectionList(r, "transferredConnections"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<ConferencedEvent>("ConferencedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("primaryOldCall", e.PrimaryOldCall);
                w.OptionalConnection("secondaryOldCall", e.SecondaryOldCall);
                w.Device("conferencingDevice", e.ConferencingDevice);
                w.Device("addedParty", e.AddedParty);
                WriteConnectionList(w, "conferenceConnections", e.ConferenceConnections);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new ConferencedEvent(r.CrossRef(), r.Connection("primaryOldCall"), r.OptionalConnection("secondaryOldCall"),
                r.Device("conferencingDevice"), r.Device("addedParty"), ReadConnectionList(r, "conferenceConnections"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<DivertedEvent>("DivertedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("connection", e.Connection);
                w.Device("divertingDevice", e.DivertingDevice);
                w.Device("newDestination", e.NewDestination);
                w.OptionalDevice("callingDevice", e.CallingDevice);
                w.OptionalDevice("calledDevice", e.CalledDevice);
                w.OptionalDevice("lastRedirectionDevice", e.LastRedirectionDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new DivertedEvent(r.CrossRef(), r.Connection("connection"), r.Device("divertingDevice"),
                r.Device("newDestination"), r.OptionalDevice("callingDevice"), r.OptionalDevice("calledDevice"),
                r.OptionalDevice("lastRedirectionDevice"), r.LocalConnectionInfo(), r.Cause()));
        maps.Add<FailedEvent>("FailedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("failedConnection", e.FailedConnection);
                w.Device("failingDevice", e.FailingDevice);
                w.Device("calledDevice", e.CalledDevice);
                w.OptionalDevice("callingDevice", e.CallingDevice);
                w.OptionalDevice("lastRedirectionDevice", e.LastRedirectionDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new FailedEvent(r.CrossRef(), r.Connection("failedConnection"), r.Device("failingDevice"),
                r.Device("calledDevice"), r.OptionalDevice("callingDevice"), r.OptionalDevice("lastRedirectionDevice"),
                r.LocalConnectionInfo(), r.Cause()));
        maps.Add<QueuedEvent>("QueuedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("queuedConnection", e.QueuedConnection);
                w.Device("queue", e.Queue);
                w.Device("callingDevice", e.CallingDevice);
                w.Device("calledDevice", e.CalledDevice);
                w.OptionalDevice("lastRedirectionDevice", e.LastRedirectionDevice);
                w.OptionalInt("numberQueued", e.NumberQueued);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new QueuedEvent(r.CrossRef(), r.Connection("queuedConnection"), r.Device("queue"),
                r.Device("callingDevice"), r.Device("calledDevice"), r.OptionalDevice("lastRedirectionDevice"),
                r.OptionalInt("numberQueued"), r.LocalConnectionInfo(), r.Cause()));
        maps.Add<NetworkReachedEvent>("NetworkReachedEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Connection("outboundConnection", e.OutboundConnection);
                w.Device("networkInterfaceUsed", e.NetworkInterfaceUsed);
                w.Device("callingDevice", e.CallingDevice);
                w.Device("calledDevice", e.CalledDevice);
                w.OptionalDevice("lastRedirectionDevice", e.LastRedirectionDevice);
                w.CallEventTail(e.LocalConnectionInfo, e.Cause);
            },
            static r => new NetworkReachedEvent(r.CrossRef(), r.Connection("outboundConnection"), r.Device("networkInterfaceUsed"),
                r.Device("callingDevice"), r.Device("calledDevice"), r.OptionalDevice("lastRedirectionDevice"),
                r.LocalConnectionInfo(), r.Cause()));

        maps.Add<ForwardingEvent>("ForwardingEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Device("device", EventDevice.Of(e.Device));
                w.Enum("forwardingType", e.ForwardingType, EnumTexts.ForwardingType);
                w.Bool("forwardStatus", e.ForwardStatus);
                w.OptionalDeviceText("forwardTo", e.ForwardTo);
            },
            static r => new ForwardingEvent(r.CrossRef(), r.Device("device").Id, r.Enum("forwardingType", EnumTexts.ForwardingType),
                r.Bool("forwardStatus"), r.OptionalDeviceText("forwardTo")));
        maps.Add<DoNotDisturbEvent>("DoNotDisturbEvent",
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Device("device", EventDevice.Of(e.Device));
                w.Bool("doNotDisturbOn", e.DoNotDisturbOn);
            },
            static r => new DoNotDisturbEvent(r.CrossRef(), r.Device("device").Id, r.Bool("doNotDisturbOn")));
        maps.Add<BackInServiceEvent>("BackInServiceEvent",
            static (w, e) => { w.CrossRef(e.MonitorCrossRefId); w.Device("device", EventDevice.Of(e.Device)); w.CallEventTail(null, e.Cause); },
            static r => new BackInServiceEvent(r.CrossRef(), r.Device("device").Id, r.Cause()));
        maps.Add<OutOfServiceEvent>("OutOfServiceEvent",
            static (w, e) => { w.CrossRef(e.MonitorCrossRefId); w.Device("device", EventDevice.Of(e.Device)); w.CallEventTail(null, e.Cause); },
            static r => new OutOfServiceEvent(r.CrossRef(), r.Device("device").Id, r.Cause()));

        AddAgentEvent(maps, "AgentLoggedOnEvent", static (x, d, a, g) => new AgentLoggedOnEvent(x, d, a, g));
        AddAgentEvent(maps, "AgentLoggedOffEvent", static (x, d, a, g) => new AgentLoggedOffEvent(x, d, a, g));
        AddAgentEvent(maps, "AgentReadyEvent", static (x, d, a, g) => new AgentReadyEvent(x, d, a, g));
        AddAgentEvent(maps, "AgentNotReadyEvent", static (x, d, a, g) => new AgentNotReadyEvent(x, d, a, g));
        AddAgentEvent(maps, "AgentBusyEvent", static (x, d, a, g) => new AgentBusyEvent(x, d, a, g));
    }

    private static void AddAgentEvent<T>(MessageMapRegistry maps, string name, Func<string, string, string?, string?, T> create)
        where T : AgentEvent =>
        maps.Add<T>(name,
            static (w, e) =>
            {
                w.CrossRef(e.MonitorCrossRefId);
                w.Device("agentDevice", EventDevice.Of(e.AgentDevice));
                w.OptionalText("agentID", e.AgentId);
                w.OptionalText("acdGroup", e.AcdGroup);
            },
            r => create(r.CrossRef(), r.Device("agentDevice").Id, r.OptionalText("agentID"), r.OptionalText("acdGroup")));

    private static void WriteConnectionList(CstaXmlWriter w, string name, ValueList<ConnectionListItem> items)
    {
        if (items.Count == 0) return;
        w.Start(name);
        foreach (var item in items)
        {
            w.Start("connectionListItem");
            w.OptionalConnection("newConnection", item.NewConnection);
            w.OptionalConnection("oldConnection", item.OldConnection);
            w.OptionalDevice("endpoint", item.Endpoint);
            w.End();
        }
        w.End();
    }

    private static ValueList<ConnectionListItem> ReadConnectionList(FieldReader r, string name)
    {
        var list = r.Node(name);
        if (list is null) return ValueList<ConnectionListItem>.Empty;
        var items = new List<ConnectionListItem>();
        foreach (var item in list.ChildrenNamed("connectionListItem"))
        {
            items.Add(new ConnectionListItem(r.OptionalConnection(item, "newConnection"), r.OptionalConnection(item, "oldConnection"),
                r.OptionalDevice(item, "endpoint")));
        }
        return items.Count == 0 ? ValueList<ConnectionListItem>.Empty : new ValueList<ConnectionListItem>(items);
    }
}
