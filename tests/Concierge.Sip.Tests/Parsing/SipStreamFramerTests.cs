using System.Text;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;

namespace Concierge.Sip.Tests.Parsing;

public class SipStreamFramerTests
{
    [Fact]
    public void Frames_several_messages_in_one_read()
    {
        var framer = new SipStreamFramer();
        var messages = new List<SipMessage>();
        var two = SampleMessages.InviteBytes.Concat(SampleMessages.InviteBytes).ToArray();
        Assert.True(framer.TryPush(two, messages));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(SampleMessages.Sdp, Encoding.ASCII.GetString(m.Body.Span)));
        Assert.Equal(0, framer.BufferedBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public void Frames_messages_split_across_partial_reads(int chunk)
    {
        var framer = new SipStreamFramer();
        var messages = new List<SipMessage>();
        var stream = Encoding.ASCII.GetBytes("\r\n\r\n").Concat(SampleMessages.InviteBytes).Concat(SampleMessages.InviteBytes).ToArray();
        for (var i = 0; i < stream.Length; i += chunk)
        {
            Assert.True(framer.TryPush(stream.AsSpan(i, Math.Min(chunk, stream.Length - i)), messages));
        }
        Assert.Equal(2, messages.Count);
        Assert.Equal(1, framer.KeepAlivePings);
        Assert.Equal(SampleMessages.InviteBytes, messages[1].ToBytes());
    }

    [Fact]
    public void Waits_for_the_whole_body()
    {
        var framer = new SipStreamFramer();
        var messages = new List<SipMessage>();
        var bytes = SampleMessages.InviteBytes;
        Assert.True(framer.TryPush(bytes.AsSpan(0, bytes.Length - 1), messages));
        Assert.Empty(messages);
        Assert.True(framer.TryPush(bytes.AsSpan(bytes.Length - 1), messages));
        Assert.Single(messages);
    }

    [Theory]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: -5\r\n\r\n", SipParseErrorKind.BadContentLength)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5\r\nl: 6\r\n\r\n", SipParseErrorKind.ConflictingContentLength)]
    [InlineData("GARBAGE\r\n\r\n", SipParseErrorKind.BadRequestLine)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 99999999\r\n\r\n", SipParseErrorKind.BadContentLength)]
    public void Faults_on_a_broken_stream(string text, SipParseErrorKind kind)
    {
        var framer = new SipStreamFramer();
        var messages = new List<SipMessage>();
        Assert.False(framer.TryPush(Encoding.ASCII.GetBytes(text), messages));
        Assert.Equal(kind, framer.Error.Kind);
        Assert.True(framer.IsFaulted);
        Assert.False(framer.TryPush("OPTIONS sip:a@b SIP/2.0\r\n\r\n"u8, messages));
    }

    [Fact]
    public void Faults_when_headers_never_end_within_the_bound()
    {
        var framer = new SipStreamFramer(new SipParserLimits { MaxMessageBytes = 1000 });
        var messages = new List<SipMessage>();
        var ok = true;
        for (var i = 0; i < 200 && ok; i++)
        {
            ok = framer.TryPush("X-Filler: 0123456789\r\n"u8, messages);
        }
        Assert.False(ok);
        Assert.Equal(SipParseErrorKind.MessageTooLarge, framer.Error.Kind);
        Assert.True(framer.BufferedBytes <= 1004);
    }
}
