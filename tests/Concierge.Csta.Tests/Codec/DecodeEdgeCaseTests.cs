using System.Text;
using Concierge.Csta.Codec;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Tests.Codec;

public sealed class DecodeEdgeCaseTests
{
    private const string Ns = CstaNamespace.Edition3;
    private readonly CstaXmlCodec _codec = new();

    private CstaDecodeResult Decode(string xml) => _codec.Decode(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Unknown_elements_anywhere_are_skipped()
    {
        var result = Decode($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <DeliveredEvent xmlns="{Ns}">
              <monitorCrossRefID>5</monitorCrossRefID>
              <futureThing><nested>1</nested></futureThing>
              <connection><callID>9</callID><deviceID>3001</deviceID><extra/></connection>
              <alertingDevice><deviceIdentifier>3001</deviceIdentifier></alertingDevice>
              <callingDevice><deviceIdentifier>3002</deviceIdentifier></callingDevice>
              <calledDevice><deviceIdentifier>3001</deviceIdentifier></calledDevice>
              <networkCallingDevice><deviceIdentifier>3002</deviceIdentifier></networkCallingDevice>
              <localConnectionInfo>alerting</localConnectionInfo>
              <cause>newCall</cause>
            </DeliveredEvent>
            """);
        Assert.True(result.IsSuccess, result.Error);
        var delivered = Assert.IsType<DeliveredEvent>(result.Message);
        Assert.Equal(new ConnectionId("9", "3001"), delivered.Connection);
        Assert.Equal(EventDevice.Of("3002"), delivered.CallingDevice);
        Assert.Equal(LocalConnectionState.Alerting, delivered.LocalConnectionInfo);
    }

    [Fact]
    public void Osv_v8_private_data_is_read_and_other_private_items_are_kept()
    {
        var result = Decode($"""
            <EstablishedEvent xmlns="{Ns}">
              <monitorCrossRefID>5</monitorCrossRefID>
              <establishedConnection><callID>9</callID><deviceID>3001</deviceID></establishedConnection>
              <answeringDevice><deviceIdentifier>3001</deviceIdentifier></answeringDevice>
              <callingDevice><notKnown/></callingDevice>
              <calledDevice><deviceIdentifier>3001</deviceIdentifier></calledDevice>
              <privateData><private>
                <osvV8><ons>+4989700701</ons><ond>+4989700799</ond></osvV8>
                <callTag xmlns="urn:example:osv">abc</callTag>
              </private></privateData>
            </EstablishedEvent>
            """);
        Assert.True(result.IsSuccess, result.Error);
        var data = result.Message!.PrivateData!;
        Assert.Equal(new OnsOndPair("+4989700701", "+4989700799"), data.OnsOnd);
        var item = Assert.Single(data.OtherItems);
        Assert.Contains("callTag", item);
        Assert.Contains("abc", item);

        var again = _codec.Decode(_codec.TryEncode(result.Message, out _)!);
        Assert.Equal(result.Message, again.Message);
    }

    [Fact]
    public void Missing_mandatory_field_is_a_clear_error()
    {
        var result = Decode($"<MonitorStart xmlns=\"{Ns}\"><monitorObject/></MonitorStart>");
        Assert.False(result.IsSuccess);
        Assert.Equal("MonitorStart", result.RootElement);
        Assert.Contains("monitorObject/deviceObject", result.Error);
    }

    [Fact]
    public void Unknown_enum_value_is_a_clear_error()
    {
        var result = Decode($"<SystemStatus xmlns=\"{Ns}\"><systemStatus>sleepy</systemStatus></SystemStatus>");
        Assert.False(result.IsSuccess);
        Assert.Contains("sleepy", result.Error);
    }

    [Fact]
    public void Unsupported_message_names_its_root_element()
    {
        var result = Decode($"<ParkCall xmlns=\"{Ns}\"/>");
        Assert.False(result.IsSuccess);
        Assert.Equal("ParkCall", result.RootElement);
        Assert.Contains("unsupported", result.Error);
    }

    [Theory]
    [InlineData("<MonitorStart xmlns=\"urn:other\"><monitorObject><deviceObject>1</deviceObject></monitorObject></MonitorStart>")]
    [InlineData("<MonitorStart")]
    [InlineData("not xml at all")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><x>&b;</x>")]
    [InlineData("<SystemRegisterResponse xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed3\"><sysStatRegisterID>1</sysStatRegisterID></SystemRegisterResponse><second/>")]
    public void Malformed_or_foreign_documents_are_refused_without_throwing(string xml)
    {
        var result = Decode(xml);
        Assert.False(result.IsSuccess);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var depth = ElementTreeDepth;
        var xml = $"<DoNotDisturbEvent xmlns=\"{Ns}\">" + string.Concat(Enumerable.Repeat("<a>", depth)) +
                  string.Concat(Enumerable.Repeat("</a>", depth)) + "</DoNotDisturbEvent>";
        var result = Decode(xml);
        Assert.False(result.IsSuccess);
        Assert.Contains("nesting", result.Error);
    }

    private const int ElementTreeDepth = 40;

    [Fact]
    public void Other_editions_of_the_namespace_are_accepted()
    {
        var result = Decode("<MonitorStopResponse xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed4\"/>");
        Assert.True(result.IsSuccess, result.Error);
        Assert.IsType<MonitorStopResponse>(result.Message);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_an_encode_error_not_an_exception()
    {
        var bytes = _codec.TryEncode(new MonitorStart("30\u000101"), out var error);
        Assert.Null(bytes);
        Assert.Contains("MonitorStart", error);
    }

    [Fact]
    public void Codec_writes_normally_after_a_message_it_could_not_write()
    {
        Assert.Null(_codec.TryEncode(new GenerateDigits(new ConnectionId("c\u0002", "3001"), "1"), out _));
        var bytes = _codec.TryEncode(new MonitorStart("3001"), out var error);
        Assert.Null(error);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><MonitorStart xmlns=", Encoding.UTF8.GetString(bytes!));
        Assert.Equal(new MonitorStart("3001"), _codec.Decode(bytes).Message);
    }
}
