using System.Text;
using Concierge.Scenarios.Reports.Ladders;
using FsCheck.Xunit;

namespace Concierge.Scenarios.Tests.Reports;

public sealed class LadderLabelTests
{
    private static (string, LadderProtocol)? Label(string text) => LadderRecording.Label(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Sip_requests_and_responses_and_csta_documents_are_named()
    {
        Assert.Equal(("INVITE", LadderProtocol.Sip), Label("INVITE sip:3201@osv SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\n"));
        Assert.Equal(("180 Ringing (INVITE)", LadderProtocol.Sip), Label("SIP/2.0 180 Ringing\r\nVia: x\r\nCSeq: 1 INVITE\r\n\r\n"));
        Assert.Equal(("MakeCall", LadderProtocol.Csta), Label("\0\0\x12<?xml version=\"1.0\"?><csta:MakeCall xmlns:csta=\"x\"/>"));
        Assert.Null(Label("\r\n\r\n"));
        Assert.Null(Label("continuation of a segment"));
    }

    /// <summary>Any bytes at all get a label or none, never an exception (the ladder reads every delivered packet).</summary>
    [Property(MaxTest = 300)]
    public bool Any_payload_is_read_without_error(byte[] payload) =>
        LadderRecording.Label(payload ?? []) is null or { Item1.Length: >= 0 };
}
