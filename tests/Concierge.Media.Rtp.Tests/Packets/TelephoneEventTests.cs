using Concierge.Media.Rtp.Packets;
using FsCheck.Xunit;

namespace Concierge.Media.Rtp.Tests.Packets;

public sealed class TelephoneEventTests
{
    [Property(MaxTest = 300)]
    public bool An_event_written_reads_back(byte eventCode, bool end, byte volume, ushort duration)
    {
        var written = new TelephoneEvent(eventCode, end, volume & 0x3F, duration);
        var payload = new byte[TelephoneEvent.Size];
        written.Write(payload);
        return TelephoneEvent.TryRead(payload, out var read) && read == written;
    }

    [Theory]
    [InlineData(0, '0')]
    [InlineData(9, '9')]
    [InlineData(10, '*')]
    [InlineData(11, '#')]
    [InlineData(12, 'A')]
    [InlineData(15, 'D')]
    public void Events_0_to_15_are_the_DTMF_digits(int code, char digit) => Assert.Equal(digit, new TelephoneEvent(code, false, 10, 0).Digit);

    [Fact]
    public void Other_events_are_no_digit_and_a_short_payload_is_refused()
    {
        Assert.Null(new TelephoneEvent(16, false, 10, 0).Digit);
        Assert.False(TelephoneEvent.TryRead([5, 0x8A, 0], out _));
        Assert.True(TelephoneEvent.TryRead([5, 0x8A, 0x03, 0x20], out var read));
        Assert.Equal(new TelephoneEvent(5, true, 10, 800), read);
    }
}
