using System.Runtime.CompilerServices;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>The XML spelling of one enum's values, in declaration order.</summary>
internal sealed class EnumText<T> where T : struct, Enum
{
    private readonly string[] _names;

    public EnumText(params string[] names)
    {
        if (names.Length != Enum.GetValues<T>().Length) throw new ArgumentException($"{typeof(T).Name}: {names.Length} names for {Enum.GetValues<T>().Length} values");
        _names = names;
    }

    public string Name(T value)
    {
        var index = Unsafe.As<T, int>(ref value);
        return (uint)index < (uint)_names.Length ? _names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, "not a defined value");
    }

    public bool TryParse(string text, out T value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], text, StringComparison.Ordinal))
            {
                value = Unsafe.As<int, T>(ref i);
                return true;
            }
        }
        value = default;
        return false;
    }
}

/// <summary>The XML spellings of the model's enums.</summary>
internal static class EnumTexts
{
    public static readonly EnumText<LocalConnectionState> LocalConnectionState =
        new("null", "initiated", "alerting", "connected", "hold", "queued", "fail");

    public static readonly EnumText<ForwardingType> ForwardingType =
        new("forwardImmediate", "forwardBusy", "forwardNoAns", "forwardBusyInt", "forwardBusyExt", "forwardNoAnsInt",
            "forwardNoAnsExt", "forwardImmInt", "forwardImmExt", "forwardDND");

    public static readonly EnumText<SystemStatus> SystemStatus =
        new("initializing", "enabled", "normal", "messagesLost", "disabled", "partiallyDisabled", "overloadImminent",
            "overloadReached", "overloadRelieved");

    public static readonly EnumText<RequestedAgentState> RequestedAgentState =
        new("loggedOn", "loggedOff", "notReady", "ready", "workingAfterCall");

    public static readonly EnumText<AgentState> AgentState =
        new("agentNull", "agentNotReady", "agentReady", "agentBusy", "agentWorkingAfterCall");

    public static readonly EnumText<ErrorCategory> ErrorCategory =
        new("operation", "security", "stateIncompatibility", "systemResourceAvailability", "subscribedResourceAvailability",
            "performanceManagement", "privateData", "unspecified");
}
