using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>Element layouts of the service requests and responses.</summary>
internal static class ServiceMaps
{
    public static void AddTo(MessageMapRegistry maps)
    {
        maps.Add<MonitorStart>("MonitorStart",
            static (w, m) => { w.Start("monitorObject"); w.DeviceText("deviceObject", m.Device); w.End(); },
            static r => new MonitorStart(r.DeviceText("monitorObject/deviceObject")));
        maps.Add<MonitorStartResponse>("MonitorStartResponse",
            static (w, m) => w.CrossRef(m.MonitorCrossRefId),
            static r => new MonitorStartResponse(r.CrossRef()));
        maps.Add<MonitorStop>("MonitorStop",
            static (w, m) => w.CrossRef(m.MonitorCrossRefId),
            static r => new MonitorStop(r.CrossRef()));
        maps.AddEmpty<MonitorStopResponse>("MonitorStopResponse");

        maps.Add<SnapshotDevice>("SnapshotDevice",
            static (w, m) => w.DeviceText("snapshotObject", m.Device),
            static r => new SnapshotDevice(r.DeviceText("snapshotObject")));
        maps.Add<SnapshotDeviceResponse>("SnapshotDeviceResponse", WriteSnapshot, ReadSnapshot);

        maps.Add<MakeCall>("MakeCall",
            static (w, m) =>
            {
                w.DeviceText("callingDevice", m.CallingDevice);
                w.DeviceText("calledDirectoryNumber", m.CalledDirectoryNumber);
                if (m.AutoOriginateDoNotPrompt) w.Text("autoOriginate", "doNotPrompt");
            },
            static r => new MakeCall(r.DeviceText("callingDevice"), r.DeviceText("calledDirectoryNumber"),
                r.OptionalText("autoOriginate")?.Trim() == "doNotPrompt"));
        maps.Add<MakeCallResponse>("MakeCallResponse",
            static (w, m) => w.Connection("callingDevice", m.CallingDevice),
            static r => new MakeCallResponse(r.Connection("callingDevice")));

        maps.Add<AnswerCall>("AnswerCall",
            static (w, m) => w.Connection("callToBeAnswered", m.CallToBeAnswered),
            static r => new AnswerCall(r.Connection("callToBeAnswered")));
        maps.AddEmpty<AnswerCallResponse>("AnswerCallResponse");
        maps.Add<ClearConnection>("ClearConnection",
            static (w, m) => w.Connection("connectionToBeCleared", m.ConnectionToBeCleared),
            static r => new ClearConnection(r.Connection("connectionToBeCleared")));
        maps.AddEmpty<ClearConnectionResponse>("ClearConnectionResponse");
        maps.Add<HoldCall>("HoldCall",
            static (w, m) => w.Connection("callToBeHeld", m.CallToBeHeld),
            static r => new HoldCall(r.Connection("callToBeHeld")));
        maps.AddEmpty<HoldCallResponse>("HoldCallResponse");
        maps.Add<RetrieveCall>("RetrieveCall",
            static (w, m) => w.Connection("callToBeRetrieved", m.CallToBeRetrieved),
            static r => new RetrieveCall(r.Connection("callToBeRetrieved")));
        maps.AddEmpty<RetrieveCallResponse>("RetrieveCallResponse");

        maps.Add<ConsultationCall>("ConsultationCall",
            static (w, m) => { w.Connection("existingCall", m.ExistingCall); w.DeviceText("consultedDevice", m.ConsultedDevice); },
            static r => new ConsultationCall(r.Connection("existingCall"), r.DeviceText("consultedDevice")));
        maps.Add<ConsultationCallResponse>("ConsultationCallResponse",
            static (w, m) => w.Connection("initiatedCall", m.InitiatedCall),
            static r => new ConsultationCallResponse(r.Connection("initiatedCall")));
        maps.Add<TransferCall>("TransferCall",
            static (w, m) => { w.Connection("heldCall", m.HeldCall); w.Connection("activeCall", m.ActiveCall); },
            static r => new TransferCall(r.Connection("heldCall"), r.Connection("activeCall")));
        maps.Add<TransferCallResponse>("TransferCallResponse",
            static (w, m) => w.Connection("transferredCall", m.TransferredCall),
            static r => new TransferCallResponse(r.Connection("transferredCall")));
        maps.Add<SingleStepTransferCall>("SingleStepTransferCall",
            static (w, m) => { w.Connection("activeCall", m.ActiveCall); w.DeviceText("transferredTo", m.TransferredTo); },
            static r => new SingleStepTransferCall(r.Connection("activeCall"), r.DeviceText("transferredTo")));
        maps.Add<SingleStepTransferCallResponse>("SingleStepTransferCallResponse",
            static (w, m) => w.Connection("transferredCall", m.TransferredCall),
            static r => new SingleStepTransferCallResponse(r.Connection("transferredCall")));
        maps.Add<DeflectCall>("DeflectCall",
            static (w, m) => { w.Connection("callToBeDiverted", m.CallToBeDiverted); w.DeviceText("newDestination", m.NewDestination); },
            static r => new DeflectCall(r.Connection("callToBeDiverted"), r.DeviceText("newDestination")));
        maps.AddEmpty<DeflectCallResponse>("DeflectCallResponse");
        maps.Add<GenerateDigits>("GenerateDigits",
            static (w, m) => { w.Connection("connectionToSendDigits", m.ConnectionToSendDigits); w.Text("charactersToSend", m.CharactersToSend); },
            static r => new GenerateDigits(r.Connection("connectionToSendDigits"), r.Text("charactersToSend")));
        maps.AddEmpty<GenerateDigitsResponse>("GenerateDigitsResponse");
    }

    private static void WriteSnapshot(CstaXmlWriter w, SnapshotDeviceResponse m)
    {
        w.Start("crossRefIDorSnapshotData");
        w.Start("snapshotData");
        foreach (var call in m.Calls)
        {
            w.Start("snapshotDeviceResponseInfo");
            w.Connection("connectionIdentifier", call.Connection);
            w.Start("localCallState");
            w.Start("compoundCallState");
            w.Enum("localConnectionState", call.State, EnumTexts.LocalConnectionState);
            w.End();
            w.End();
            w.End();
        }
        w.End();
        w.End();
    }

    private static SnapshotDeviceResponse ReadSnapshot(FieldReader r)
    {
        var data = r.Node("crossRefIDorSnapshotData/snapshotData");
        if (data is null) return new SnapshotDeviceResponse(ValueList<SnapshotCall>.Empty);
        var calls = new List<SnapshotCall>();
        foreach (var info in data.ChildrenNamed("snapshotDeviceResponseInfo"))
        {
            calls.Add(new SnapshotCall(r.Connection(info, "connectionIdentifier"),
                r.Enum(info, "localCallState/compoundCallState/localConnectionState", EnumTexts.LocalConnectionState)));
        }
        return new SnapshotDeviceResponse(new ValueList<SnapshotCall>(calls));
    }
}
