using System.Text;
using Concierge.Csta.Codec;
using Concierge.Csta.Messages;
using Concierge.Csta.Numbers;
using Concierge.Csta.Tests.Numbers;

namespace Concierge.Csta.Tests.Codec;

/// <summary>Documents shaped like those of a real OpenScape Voice (hand-written from the shapes of the issue).</summary>
public sealed class OsvDialectTests
{
    private const string Ed4 = CstaNamespace.Edition4;

    private static readonly string Delivered = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <DeliveredEvent xmlns="{Ed4}" xmlns:scx="http://www.siemens.com/schema/csta">
          <monitorCrossRefID>42</monitorCrossRefID>
          <connection><callID>FF0001</callID><deviceID>N&lt;4950505807580&gt;Line7580;displayNumber=4950505807580;uid=u-7580</deviceID></connection>
          <alertingDevice><deviceIdentifier>N&lt;4950505807580&gt;Line7580;displayNumber=4950505807580;uid=u-7580</deviceIdentifier></alertingDevice>
          <callingDevice><deviceIdentifier>N&lt;3021061290002&gt;;noa=nk</deviceIdentifier></callingDevice>
          <calledDevice><deviceIdentifier>N&lt;50505803201&gt;;noa=national</deviceIdentifier></calledDevice>
          <lastRedirectionDevice><notRequired/></lastRedirectionDevice>
          <localConnectionInfo>alerting</localConnectionInfo>
          <correlatorData><string>0A</string></correlatorData>
          <cause>newCall</cause>
          <servicesPermitted><callControlServices><answerCall>true</answerCall></callControlServices></servicesPermitted>
          <mediaCallCharacteristics><mediaClass><voice>true</voice></mediaClass></mediaCallCharacteristics>
          <callCharacteristics><acdCall>false</acdCall></callCharacteristics>
          <extensions>
            <privateData><private>
              <osvV8><ons>+4950505807580</ons><ond>+4950505807680</ond></osvV8>
              <scx:callInfo><scx:globalCallID>0011</scx:globalCallID></scx:callInfo>
            </private></privateData>
          </extensions>
        </DeliveredEvent>
        """;

    private static CstaXmlCodec OsvReader(bool lenient = false) =>
        new(new CstaDialect { Lenient = lenient, ReadDevice = new DeviceNumberNormaliser(NumberPlan.Create(DeviceNumberNormaliserTests.GuideRouting)).Normalise });

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.TrimStart());

    [Fact]
    public void Reads_an_edition_4_event_with_osv_identifiers_extras_and_private_data()
    {
        var codec = OsvReader();
        var result = codec.Decode(Bytes(Delivered));
        Assert.True(result.IsSuccess, result.Error);
        var e = Assert.IsType<DeliveredEvent>(result.Message);
        Assert.Equal(new ConnectionId("FF0001", "+4950505807580"), e.Connection);
        Assert.Equal(EventDevice.Of("+4950505807580"), e.AlertingDevice);
        Assert.Equal(EventDevice.Of("+493021061290002"), e.CallingDevice);
        Assert.Equal(EventDevice.Of("+4950505803201"), e.CalledDevice);
        Assert.Equal(LocalConnectionState.Alerting, e.LocalConnectionInfo);
        Assert.Equal(new OnsOndPair("+4950505807580", "+4950505807680"), e.PrivateData!.OnsOnd);
        Assert.Contains(e.PrivateData.OtherItems, item => item.Contains("scx:callInfo", StringComparison.Ordinal));
        Assert.Null(result.PrivateDataRejection);
    }

    [Fact]
    public void An_unknown_event_is_ignored_and_counted_not_an_error()
    {
        var codec = OsvReader();
        var result = codec.Decode(Bytes($"""
            <CallInformationEvent xmlns="{Ed4}"><monitorCrossRefID>42</monitorCrossRefID>
            <connection><callID>FF0001</callID><deviceID>N&lt;7580&gt;;noa=nk</deviceID></connection>
            <callingDevice><deviceIdentifier>N&lt;7580&gt;;noa=nk</deviceIdentifier></callingDevice></CallInformationEvent>
            """));
        Assert.False(result.IsSuccess);
        Assert.True(result.Ignored);
        Assert.Equal("CallInformationEvent", result.RootElement);
        Assert.Equal(1, codec.UnknownEventsIgnored);
        Assert.Equal(0, codec.InternalErrors);
    }

    [Fact]
    public void An_unknown_request_is_still_an_error()
    {
        var result = OsvReader().Decode(Bytes($"<ReconnectCall xmlns=\"{Ed4}\"/>"));
        Assert.False(result.Ignored);
        Assert.Equal("unsupported message 'ReconnectCall'", result.Error);
    }

    [Fact]
    public void SystemStatus_without_a_status_is_a_heartbeat()
    {
        var result = OsvReader().Decode(Bytes($"<SystemStatus xmlns=\"{Ed4}\"><extensions><privateData><private/></privateData></extensions></SystemStatus>"));
        Assert.True(result.IsSuccess, result.Error);
        var heartbeat = Assert.IsType<SystemStatusRequest>(result.Message);
        Assert.True(heartbeat.IsBareHeartbeat);
        Assert.Equal(SystemStatus.Normal, heartbeat.Status);
    }

    [Theory]
    [InlineData("http://www.ecma.ch/standards/ecma-323/csta/ed2", "is in the edition 2 namespace")]
    [InlineData("", "has no namespace")]
    public void Old_editions_are_read_only_on_a_lenient_link(string ns, string reason)
    {
        var xmlns = ns.Length == 0 ? "" : $" xmlns=\"{ns}\"";
        var document = Bytes($"<MonitorStartResponse{xmlns}><monitorCrossRefID>7</monitorCrossRefID></MonitorStartResponse>");
        var strict = OsvReader();
        var refused = strict.Decode(document);
        Assert.False(refused.IsSuccess);
        Assert.True(refused.NamespaceRejected);
        Assert.Contains(reason, refused.Error, StringComparison.Ordinal);
        Assert.Contains("lenient", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, strict.RejectedNamespaces);

        var lenient = OsvReader(lenient: true).Decode(document);
        Assert.True(lenient.IsSuccess, lenient.Error);
        Assert.Equal(new MonitorStartResponse("7"), lenient.Message);
    }

    [Fact]
    public void A_foreign_namespace_is_refused_even_when_lenient()
    {
        var codec = OsvReader(lenient: true);
        var result = codec.Decode(Bytes("<MonitorStartResponse xmlns=\"urn:example:other\"><monitorCrossRefID>7</monitorCrossRefID></MonitorStartResponse>"));
        Assert.True(result.NamespaceRejected);
        Assert.Contains("not ECMA-323", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Application_session_messages_use_their_own_namespace()
    {
        var codec = new CstaXmlCodec(new CstaDialect { WrittenNamespace = Ed4 });
        var bytes = codec.TryEncode(new StartApplicationSession("Concierge", ValueList.Of(Ed4), 180), out var error)!;
        Assert.Null(error);
        Assert.Contains(CstaNamespace.ApplicationSession, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var answer = codec.Decode(Bytes($"""
            <StartApplicationSessionPosResponse xmlns="{CstaNamespace.ApplicationSession}">
              <sessionID>A1B2</sessionID><actualProtocolVersion>{Ed4}</actualProtocolVersion><actualSessionDuration>120</actualSessionDuration>
            </StartApplicationSessionPosResponse>
            """));
        Assert.Equal(new StartApplicationSessionPosResponse("A1B2", Ed4, 120), answer.Message);
    }

    [Fact]
    public void The_osv_dialect_writes_edition_4_identifiers_extras_and_scx_and_reads_back_the_same_message()
    {
        var writer = new CstaXmlCodec(new CstaDialect
        {
            WrittenNamespace = Ed4,
            WriteDevice = d => d.StartsWith('+') ? $"N<{d[1..]}>;noa=international" : $"N<{d}>;noa=nk",
            WriteOsvExtras = true,
        });
        var message = new DeliveredEvent("42", new ConnectionId("c1", "+4950505807580"), EventDevice.Of("+4950505807580"),
            EventDevice.Of("+493011100001"), EventDevice.Of("+4950505803201"), null, LocalConnectionState.Alerting, EventCause.NewCall)
        { PrivateData = PrivateData.ForOnsOnd("+4950505807580", "+4950505807680") };
        var bytes = writer.TryEncode(message, out var error)!;
        Assert.Null(error);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains($"xmlns=\"{Ed4}\"", text, StringComparison.Ordinal);
        Assert.Contains("N&lt;4950505807580&gt;;noa=international", text, StringComparison.Ordinal);
        Assert.Contains("<servicesPermitted>", text, StringComparison.Ordinal);
        Assert.Contains("<extensions><privateData><private><osvV8>", text, StringComparison.Ordinal);
        Assert.Contains("xmlns:scx=\"http://www.siemens.com/schema/csta\"", text, StringComparison.Ordinal);

        var decoded = OsvReader().Decode(bytes);
        Assert.True(decoded.IsSuccess, decoded.Error);
        var back = Assert.IsType<DeliveredEvent>(decoded.Message);
        Assert.Equal(message with { PrivateData = null }, back with { PrivateData = null });
        Assert.Equal(message.PrivateData.OnsOnd, back.PrivateData!.OnsOnd);
        // Written again, the scx element read back is not doubled.
        Assert.Equal(bytes, writer.TryEncode(back, out _));
    }

    [Fact]
    public void A_written_namespace_that_is_no_csta_edition_is_refused() =>
        Assert.Throws<ArgumentException>(() => new CstaXmlCodec(new CstaDialect { WrittenNamespace = CstaNamespace.Edition2 }));
}
