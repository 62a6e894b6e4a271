using System.Buffers;
using System.Text;
using Concierge.Csta.Codec;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using Concierge.Csta.Numbers;
using Concierge.Csta.Traces;

namespace Concierge.Csta.Tests.Traces;

public sealed class CstaTraceReaderTests
{
    private static readonly CstaTraceReader Reader = new(new CstaXmlCodec(new CstaDialect { ReadDevice = DeviceNumberNormaliser.InternationalOnly.Normalise }));

    private static byte[] Framed(params (int InvokeId, CstaMessage Message)[] messages)
    {
        var codec = new CstaLinkCodec();
        var output = new ArrayBufferWriter<byte>();
        foreach (var (id, message) in messages) Assert.Null(codec.TryWrite(id, message, output));
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void Reads_every_frame_with_offset_invoke_id_and_fields()
    {
        var bytes = Framed((12, new MonitorStart("+4950505807580")), (12, new MonitorStartResponse("3")));
        var documents = Reader.Read("t.csta", bytes).ToList();
        Assert.Equal(2, documents.Count);
        Assert.Equal(("MonitorStart", 12, 0L), (documents[0].Message, documents[0].InvokeId!.Value, documents[0].Offset));
        Assert.Equal(new KeyValuePair<string, string>("device", "+4950505807580"), Assert.Single(documents[0].Fields));
        Assert.True(documents[1].Offset > 8);
        Assert.Equal("3", documents[1].Fields.Single(f => f.Key == "monitorCrossRefId").Value);
    }

    [Fact]
    public void A_bad_header_ends_the_file_with_the_offset()
    {
        var bytes = Framed((1, new SystemRegister())).Concat(new byte[] { 0, 0, 0, 20, (byte)'x', (byte)'1', (byte)'2', (byte)'3' }).ToArray();
        var documents = Reader.Read("t.csta", bytes).ToList();
        Assert.True(documents[0].IsMessage);
        Assert.Equal("invoke id in the frame header is not four ASCII digits", documents[1].Error);
        Assert.Equal(bytes.Length - 8, documents[1].Offset);
    }

    [Fact]
    public void A_bare_document_without_declaration_and_an_empty_file()
    {
        var bare = Encoding.UTF8.GetBytes($"  \n<MonitorStartResponse xmlns=\"{CstaNamespace.Edition4}\"><monitorCrossRefID>7</monitorCrossRefID></MonitorStartResponse>\n");
        var document = Assert.Single(Reader.Read("b.xml", bare));
        Assert.Equal("MonitorStartResponse", document.Message);
        Assert.Equal(3, document.Offset);
        Assert.Equal("empty file", Assert.Single(Reader.Read("e.xml", [])).Error);
    }

    [Fact]
    public void Nested_values_are_written_out()
    {
        var fields = MessageFields.Of(new GetForwardingResponse(ValueList.Of(new ForwardListItem(ForwardingType.Immediate, true, "+4950505807581"))));
        Assert.Equal("[{forwardingType=immediate forwardStatus=true forwardDn=+4950505807581}]", Assert.Single(fields).Value);
    }
}
