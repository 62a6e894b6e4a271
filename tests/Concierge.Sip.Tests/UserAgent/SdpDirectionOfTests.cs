using System.Text;
using Concierge.Sip.UserAgent;
using Xunit;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>SdpDirection.Of reads the first direction attribute line by line (spans, no split): the edge cases of its lines.</summary>
public sealed class SdpDirectionOfTests
{
    [Theory]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n", "sendrecv")]
    [InlineData("v=0\r\na=sendonly\r\na=recvonly\r\n", "sendonly")]
    [InlineData("v=0\r\na=inactive", "inactive")]
    [InlineData("v=0\na=recvonly\n", "recvonly")]
    [InlineData("v=0\r\na= sendonly \r\n", "sendonly")]
    [InlineData("v=0\r\na=sendonlyx\r\na=rtpmap:0 PCMU/8000\r\n", "sendrecv")]
    [InlineData("a=recvonly\r\r\n", "recvonly")]
    [InlineData("", "sendrecv")]
    [InlineData("\n\n\n", "sendrecv")]
    [InlineData("b=sendonly\r\na=\r\n", "sendrecv")]
    public void The_first_direction_attribute_or_sendrecv(string sdp, string expected)
    {
        Assert.Equal(expected, SdpDirection.Of(Encoding.UTF8.GetBytes(sdp)));
    }
}
