namespace Concierge.Csta.Messages;

/// <summary>
/// ECMA-354: opens an application session: who the application is, the CSTA protocol versions it speaks (namespace
/// URIs, best first) and how long the session should last without a keep-alive.
/// </summary>
public sealed record StartApplicationSession(string ApplicationId, ValueList<string> RequestedProtocolVersions, int RequestedSessionDurationSeconds)
    : CstaRequest;

/// <summary>The session is open: its id, the protocol version chosen and the duration granted.</summary>
public sealed record StartApplicationSessionPosResponse(string SessionId, string ActualProtocolVersion, int ActualSessionDurationSeconds)
    : CstaResponse;

/// <summary>The session was refused (errorCode/definedError, e.g. invalidApplicationInfo, requestedProtocolVersionNotSupported).</summary>
public sealed record StartApplicationSessionNegResponse(string ErrorCode) : CstaResponse;

/// <summary>Keeps a session alive: restarts its timer with the requested duration.</summary>
public sealed record ResetApplicationSessionTimer(string SessionId, int RequestedSessionDurationSeconds) : CstaRequest;

/// <summary>The timer was restarted with the duration granted.</summary>
public sealed record ResetApplicationSessionTimerPosResponse(int ActualSessionDurationSeconds) : CstaResponse;

/// <summary>The timer could not be restarted (e.g. invalidSessionID: the session is gone).</summary>
public sealed record ResetApplicationSessionTimerNegResponse(string ErrorCode) : CstaResponse;

/// <summary>Ends a session (sessionEndReason/appEndReason, normally "normal").</summary>
public sealed record StopApplicationSession(string SessionId, string EndReason = "normal") : CstaRequest;

/// <summary>The session ended.</summary>
public sealed record StopApplicationSessionPosResponse : CstaResponse;

/// <summary>The session could not be ended (e.g. invalidSessionID).</summary>
public sealed record StopApplicationSessionNegResponse(string ErrorCode) : CstaResponse;
