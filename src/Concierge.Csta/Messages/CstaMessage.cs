namespace Concierge.Csta.Messages;

/// <summary>Any ECMA-323 message: a service request, its response, an error response or an event.</summary>
public abstract record CstaMessage
{
    /// <summary>The message's privateData, if any.</summary>
    public PrivateData? PrivateData { get; init; }
}

/// <summary>A service request; the peer answers with the matching response or a <see cref="CstaErrorResponse"/>.</summary>
public abstract record CstaRequest : CstaMessage;

/// <summary>A positive response to a service request.</summary>
public abstract record CstaResponse : CstaMessage;

/// <summary>An event reported on a monitor, identified by the monitor's cross-reference id.</summary>
public abstract record CstaEvent(string MonitorCrossRefId) : CstaMessage;

/// <summary>The negative response to any request (CSTAErrorCode): a category and the specific error within it.</summary>
public sealed record CstaErrorResponse(ErrorCategory Category, string Value) : CstaMessage
{
    /// <summary>operation/invalidDeviceID.</summary>
    public static CstaErrorResponse InvalidDevice => new(ErrorCategory.Operation, "invalidDeviceID");
    /// <summary>operation/invalidConnectionID.</summary>
    public static CstaErrorResponse InvalidConnection => new(ErrorCategory.Operation, "invalidConnectionID");
    /// <summary>operation/generic.</summary>
    public static CstaErrorResponse GenericOperation => new(ErrorCategory.Operation, "generic");
    /// <summary>operation/requestIncompatibleWithObject.</summary>
    public static CstaErrorResponse RequestIncompatible => new(ErrorCategory.Operation, "requestIncompatibleWithObject");
    /// <summary>stateIncompatibility/invalidObjectState.</summary>
    public static CstaErrorResponse InvalidObjectState => new(ErrorCategory.StateIncompatibility, "invalidObjectState");
    /// <summary>operation/invalidCrossRefID: no monitor with that cross-reference id.</summary>
    public static CstaErrorResponse InvalidCrossRef => new(ErrorCategory.Operation, "invalidCrossRefID");
    /// <summary>operation/serviceNotSupported.</summary>
    public static CstaErrorResponse ServiceNotSupported => new(ErrorCategory.Operation, "serviceNotSupported");

    /// <inheritdoc />
    public override string ToString() => $"CSTAErrorCode {Category}/{Value}";
}
