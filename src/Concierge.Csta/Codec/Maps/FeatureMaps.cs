using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>Element layouts of forwarding, do-not-disturb, agent-state and system services.</summary>
internal static class FeatureMaps
{
    public static void AddTo(MessageMapRegistry maps)
    {
        maps.Add<SetForwarding>("SetForwarding",
            static (w, m) =>
            {
                w.DeviceText("device", m.Device);
                w.Enum("forwardingType", m.ForwardingType, EnumTexts.ForwardingType);
                w.Bool("activateForward", m.ActivateForward);
                w.OptionalDeviceText("forwardDN", m.ForwardDn);
            },
            static r => new SetForwarding(r.DeviceText("device"), r.Enum("forwardingType", EnumTexts.ForwardingType),
                r.Bool("activateForward"), r.OptionalDeviceText("forwardDN")));
        maps.AddEmpty<SetForwardingResponse>("SetForwardingResponse");
        maps.Add<GetForwarding>("GetForwarding",
            static (w, m) => w.DeviceText("device", m.Device),
            static r => new GetForwarding(r.DeviceText("device")));
        maps.Add<GetForwardingResponse>("GetForwardingResponse", WriteForwardingList, ReadForwardingList);

        maps.Add<SetDoNotDisturb>("SetDoNotDisturb",
            static (w, m) => { w.DeviceText("device", m.Device); w.Bool("doNotDisturbOn", m.DoNotDisturbOn); },
            static r => new SetDoNotDisturb(r.DeviceText("device"), r.Bool("doNotDisturbOn")));
        maps.AddEmpty<SetDoNotDisturbResponse>("SetDoNotDisturbResponse");
        maps.Add<GetDoNotDisturb>("GetDoNotDisturb",
            static (w, m) => w.DeviceText("device", m.Device),
            static r => new GetDoNotDisturb(r.DeviceText("device")));
        maps.Add<GetDoNotDisturbResponse>("GetDoNotDisturbResponse",
            static (w, m) => w.Bool("doNotDisturbOn", m.DoNotDisturbOn),
            static r => new GetDoNotDisturbResponse(r.Bool("doNotDisturbOn")));

        maps.Add<SetAgentState>("SetAgentState",
            static (w, m) =>
            {
                w.DeviceText("device", m.Device);
                w.Enum("requestedAgentState", m.RequestedAgentState, EnumTexts.RequestedAgentState);
                w.OptionalText("agentID", m.AgentId);
                w.OptionalText("password", m.Password);
                w.OptionalText("group", m.Group);
            },
            static r => new SetAgentState(r.DeviceText("device"), r.Enum("requestedAgentState", EnumTexts.RequestedAgentState),
                r.OptionalText("agentID"), r.OptionalText("password"), r.OptionalText("group")));
        maps.AddEmpty<SetAgentStateResponse>("SetAgentStateResponse");
        maps.Add<GetAgentState>("GetAgentState",
            static (w, m) => w.DeviceText("device", m.Device),
            static r => new GetAgentState(r.DeviceText("device")));
        maps.Add<GetAgentStateResponse>("GetAgentStateResponse", WriteAgentStates, ReadAgentStates);

        // An OSV heartbeat is a SystemStatus with no systemStatus child: read as a heartbeat reporting normal.
        maps.Add<SystemStatusRequest>("SystemStatus",
            static (w, m) =>
            {
                if (!m.IsBareHeartbeat) w.Enum("systemStatus", m.Status, EnumTexts.SystemStatus);
            },
            static r => r.Node("systemStatus") is null
                ? SystemStatusRequest.BareHeartbeat
                : new SystemStatusRequest(r.Enum("systemStatus", EnumTexts.SystemStatus)));
        maps.AddEmpty<SystemStatusResponse>("SystemStatusResponse");
        maps.AddEmpty<RequestSystemStatus>("RequestSystemStatus");
        maps.Add<RequestSystemStatusResponse>("RequestSystemStatusResponse",
            static (w, m) => w.Enum("systemStatus", m.Status, EnumTexts.SystemStatus),
            static r => new RequestSystemStatusResponse(r.Enum("systemStatus", EnumTexts.SystemStatus)));
        maps.Add<SystemRegister>("SystemRegister",
            static (w, _) => { w.Start("requestTypes"); w.Bool("systemStatus", true); w.End(); },
            static _ => new SystemRegister());
        maps.Add<SystemRegisterResponse>("SystemRegisterResponse",
            static (w, m) => w.Text("sysStatRegisterID", m.SysStatRegisterId),
            static r => new SystemRegisterResponse(r.Text("sysStatRegisterID")));

        maps.Add<CstaErrorResponse>("CSTAErrorCode",
            static (w, m) => w.Text(EnumTexts.ErrorCategory.Name(m.Category), m.Value),
            ReadError);
    }

    private static void WriteForwardingList(CstaXmlWriter w, GetForwardingResponse m)
    {
        w.Start("forwardingList");
        foreach (var item in m.ForwardingList)
        {
            w.Start("forwardListItem");
            w.Enum("forwardingType", item.ForwardingType, EnumTexts.ForwardingType);
            w.Bool("forwardStatus", item.ForwardStatus);
            w.OptionalDeviceText("forwardDN", item.ForwardDn);
            w.End();
        }
        w.End();
    }

    private static GetForwardingResponse ReadForwardingList(FieldReader r)
    {
        var list = r.Node("forwardingList");
        var items = new List<ForwardListItem>();
        if (list is not null)
        {
            foreach (var item in list.ChildrenNamed("forwardListItem"))
            {
                items.Add(new ForwardListItem(r.Enum(item, "forwardingType", EnumTexts.ForwardingType),
                    r.Bool(item, "forwardStatus"), r.OptionalDeviceText(item, "forwardDN")));
            }
        }
        return new GetForwardingResponse(new ValueList<ForwardListItem>(items));
    }

    private static void WriteAgentStates(CstaXmlWriter w, GetAgentStateResponse m)
    {
        w.Start("agentStateList");
        foreach (var agent in m.Agents)
        {
            w.Start("agentStateEntry");
            w.OptionalText("agentID", agent.AgentId);
            w.Bool("loggedOnState", agent.LoggedOn);
            w.Start("agentInfo");
            w.Start("agentInfoItem");
            w.OptionalText("acdGroup", agent.Group);
            w.Enum("agentState", agent.State, EnumTexts.AgentState);
            w.End();
            w.End();
            w.End();
        }
        w.End();
    }

    private static GetAgentStateResponse ReadAgentStates(FieldReader r)
    {
        var list = r.Node("agentStateList");
        var agents = new List<AgentStateEntry>();
        if (list is not null)
        {
            foreach (var entry in list.ChildrenNamed("agentStateEntry"))
            {
                agents.Add(new AgentStateEntry(r.OptionalText(entry, "agentID"), r.Bool(entry, "loggedOnState"),
                    r.OptionalEnum(entry, "agentInfo/agentInfoItem/agentState", EnumTexts.AgentState) ?? AgentState.Null,
                    r.OptionalText(entry, "agentInfo/agentInfoItem/acdGroup")));
            }
        }
        return new GetAgentStateResponse(new ValueList<AgentStateEntry>(agents));
    }

    private static CstaErrorResponse ReadError(FieldReader r)
    {
        var first = r.Root.Children?.FirstOrDefault();
        if (first is null)
        {
            r.Fail("no error category");
            return CstaErrorResponse.GenericOperation;
        }
        if (!EnumTexts.ErrorCategory.TryParse(first.Name, out var category))
        {
            r.Fail($"unknown error category '{first.Name}'");
            return CstaErrorResponse.GenericOperation;
        }
        return new CstaErrorResponse(category, first.Text ?? "");
    }
}
