namespace Concierge.Csta.Messages;

/// <summary>Makes <paramref name="CallingDevice"/> call <paramref name="CalledDirectoryNumber"/> (third-party call).</summary>
public sealed record MakeCall(string CallingDevice, string CalledDirectoryNumber, bool AutoOriginateDoNotPrompt = false) : CstaRequest;

/// <summary>The call was started; the calling device's connection.</summary>
public sealed record MakeCallResponse(ConnectionId CallingDevice) : CstaResponse;

/// <summary>Answers an alerting connection.</summary>
public sealed record AnswerCall(ConnectionId CallToBeAnswered) : CstaRequest;

/// <summary>The call was answered.</summary>
public sealed record AnswerCallResponse : CstaResponse;

/// <summary>Releases one connection from its call.</summary>
public sealed record ClearConnection(ConnectionId ConnectionToBeCleared) : CstaRequest;

/// <summary>The connection was released.</summary>
public sealed record ClearConnectionResponse : CstaResponse;

/// <summary>Puts a connection on hold.</summary>
public sealed record HoldCall(ConnectionId CallToBeHeld) : CstaRequest;

/// <summary>The connection is on hold.</summary>
public sealed record HoldCallResponse : CstaResponse;

/// <summary>Takes a held connection back.</summary>
public sealed record RetrieveCall(ConnectionId CallToBeRetrieved) : CstaRequest;

/// <summary>The connection was retrieved.</summary>
public sealed record RetrieveCallResponse : CstaResponse;

/// <summary>Holds the existing call and calls the consulted device.</summary>
public sealed record ConsultationCall(ConnectionId ExistingCall, string ConsultedDevice) : CstaRequest;

/// <summary>The consultation call was started.</summary>
public sealed record ConsultationCallResponse(ConnectionId InitiatedCall) : CstaResponse;

/// <summary>Joins a held call and an active call and drops the transferring device.</summary>
public sealed record TransferCall(ConnectionId HeldCall, ConnectionId ActiveCall) : CstaRequest;

/// <summary>The calls were transferred.</summary>
public sealed record TransferCallResponse(ConnectionId TransferredCall) : CstaResponse;

/// <summary>Transfers an active call to another device in one step (blind transfer).</summary>
public sealed record SingleStepTransferCall(ConnectionId ActiveCall, string TransferredTo) : CstaRequest;

/// <summary>The call was transferred.</summary>
public sealed record SingleStepTransferCallResponse(ConnectionId TransferredCall) : CstaResponse;

/// <summary>Diverts an alerting call to a new destination.</summary>
public sealed record DeflectCall(ConnectionId CallToBeDiverted, string NewDestination) : CstaRequest;

/// <summary>The call was deflected.</summary>
public sealed record DeflectCallResponse : CstaResponse;

/// <summary>Sends DTMF digits on a connection.</summary>
public sealed record GenerateDigits(ConnectionId ConnectionToSendDigits, string CharactersToSend) : CstaRequest;

/// <summary>The digits were sent.</summary>
public sealed record GenerateDigitsResponse : CstaResponse;
