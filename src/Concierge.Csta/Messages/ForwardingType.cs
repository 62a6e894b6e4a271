namespace Concierge.Csta.Messages;

/// <summary>Kinds of call forwarding a device can have (forwardingType).</summary>
public enum ForwardingType
{
    /// <summary>Always (CFU).</summary>
    Immediate,
    /// <summary>When busy (CFB).</summary>
    Busy,
    /// <summary>When not answered (CFNR).</summary>
    NoAnswer,
    /// <summary>When busy, internal callers only.</summary>
    BusyInternal,
    /// <summary>When busy, external callers only.</summary>
    BusyExternal,
    /// <summary>When not answered, internal callers only.</summary>
    NoAnswerInternal,
    /// <summary>When not answered, external callers only.</summary>
    NoAnswerExternal,
    /// <summary>Always, internal callers only.</summary>
    ImmediateInternal,
    /// <summary>Always, external callers only.</summary>
    ImmediateExternal,
    /// <summary>While do-not-disturb is on.</summary>
    DoNotDisturb,
}
