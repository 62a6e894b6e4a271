using Concierge.Media.Rtp.Codec;
using FsCheck.Xunit;

namespace Concierge.Media.Rtp.Tests.Codec;

/// <summary>G.711 against the ITU-T G.711 definitions: the companding laws, the segment steps and the code tables.</summary>
public sealed class G711PropertyTests
{
    private const double Mu = 255;
    private const double A = 87.6;

    /// <summary>The µ-law of G.711: F(x) = sgn(x)·ln(1 + µ|x|)/ln(1 + µ), for |x| ≤ 1.</summary>
    private static double MuLawCurve(double x) => Math.Sign(x) * Math.Log(1 + Mu * Math.Abs(x)) / Math.Log(1 + Mu);

    /// <summary>The A-law of G.711: A|x|/(1 + ln A) below 1/A, (1 + ln(A|x|))/(1 + ln A) above.</summary>
    private static double ALawCurve(double x)
    {
        var ax = Math.Abs(x);
        var y = ax < 1 / A ? A * ax / (1 + Math.Log(A)) : (1 + Math.Log(A * ax)) / (1 + Math.Log(A));
        return Math.Sign(x) * y;
    }

    /// <summary>A code's position on the curve: sign and 7 magnitude bits as a value in [-1, 1] (µ-law codes are sent inverted).</summary>
    private static double MuLawLevel(byte code)
    {
        var u = ~code & 0xFF;
        var magnitude = 0x7F & u;
        return ((u & 0x80) != 0 ? -1 : 1) * (magnitude + 0.5) / 128.0;
    }

    private static double ALawLevel(byte code)
    {
        var a = code ^ 0x55;
        var magnitude = a & 0x7F;
        return ((a & 0x80) != 0 ? 1 : -1) * (magnitude + 0.5) / 128.0;
    }

    [Property(MaxTest = 2000)]
    public bool A_mu_law_code_lies_on_the_mu_law_curve(short sample)
    {
        // Eight segments of 16 steps approximate the continuous law; a code is within two steps of F(x).
        var level = MuLawLevel(G711.EncodeMuLaw(sample));
        return Math.Abs(level - MuLawCurve(sample / 32768.0)) <= 2.0 / 128;
    }

    [Property(MaxTest = 2000)]
    public bool An_a_law_code_lies_on_the_a_law_curve(short sample)
    {
        var level = ALawLevel(G711.EncodeALaw(sample));
        return Math.Abs(level - ALawCurve(sample / 32768.0)) <= 2.0 / 128;
    }

    [Property(MaxTest = 2000)]
    public bool Mu_law_decoding_is_within_half_a_step_of_the_sample(short sample)
    {
        // µ-law segment e has steps of 2^(e+3) (in 16-bit units); the decoder returns the step's middle. Samples past
        // the clip level (32635) saturate.
        var clipped = Math.Clamp((int)sample, -32635, 32635);
        var code = G711.EncodeMuLaw(sample);
        var exponent = ((~code) >> 4) & 0x07;
        var step = 1 << (exponent + 3);
        return Math.Abs(G711.DecodeMuLaw(code) - clipped) <= step / 2 + 4;
    }

    [Property(MaxTest = 2000)]
    public bool A_law_decoding_is_within_half_a_step_of_the_sample(short sample)
    {
        var code = G711.EncodeALaw(sample);
        var segment = ((code ^ 0x55) >> 4) & 0x07;
        var step = segment <= 1 ? 16 : 16 << (segment - 1);
        return Math.Abs(G711.DecodeALaw(code) - sample) <= step / 2 + 8;
    }

    [Property(MaxTest = 2000)]
    public bool Companding_keeps_the_order_of_samples(short first, short second)
    {
        var (low, high) = first <= second ? (first, second) : (second, first);
        return G711.DecodeMuLaw(G711.EncodeMuLaw(low)) <= G711.DecodeMuLaw(G711.EncodeMuLaw(high))
            && G711.DecodeALaw(G711.EncodeALaw(low)) <= G711.DecodeALaw(G711.EncodeALaw(high));
    }

    [Property(MaxTest = 2000)]
    public bool Companding_is_symmetric_about_zero(short sample)
    {
        if (sample == short.MinValue) return true;
        var negative = (short)-sample;
        return G711.DecodeMuLaw(G711.EncodeMuLaw(sample)) == -G711.DecodeMuLaw(G711.EncodeMuLaw(negative))
            || sample == 0;
    }

    [Property(MaxTest = 2000)]
    public bool Decoding_once_more_changes_nothing(short sample)
    {
        var mu = G711.DecodeMuLaw(G711.EncodeMuLaw(sample));
        var a = G711.DecodeALaw(G711.EncodeALaw(sample));
        return G711.DecodeMuLaw(G711.EncodeMuLaw(mu)) == mu && G711.DecodeALaw(G711.EncodeALaw(a)) == a;
    }

    [Fact]
    public void Every_code_but_the_negative_mu_law_zero_encodes_back_to_itself()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));
            if (code != 0x7F) Assert.Equal((byte)code, G711.EncodeMuLaw(G711.DecodeMuLaw((byte)code)));
        }
        Assert.Equal(G711.DecodeMuLaw(0xFF), G711.DecodeMuLaw(0x7F)); // +0 and -0
    }

    [Theory]
    [InlineData((short)0, 0xFF, 0xD5)]
    [InlineData((short)-1, 0x7F, 0x55)]
    [InlineData(short.MaxValue, 0x80, 0xAA)]
    [InlineData(short.MinValue, 0x00, 0x2A)]
    [InlineData((short)1000, 0xCE, 0xFA)]
    [InlineData((short)-1000, 0x4E, 0x7A)]
    public void Codes_of_the_G711_tables(short sample, int muLaw, int aLaw)
    {
        Assert.Equal((byte)muLaw, G711.EncodeMuLaw(sample));
        Assert.Equal((byte)aLaw, G711.EncodeALaw(sample));
    }

    [Theory]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xFF, 0)]
    public void Mu_law_decodes_to_the_table_values(int code, int linear) => Assert.Equal(linear, G711.DecodeMuLaw((byte)code));

    [Theory]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    public void A_law_decodes_to_the_table_values(int code, int linear) => Assert.Equal(linear, G711.DecodeALaw((byte)code));

    [Property(MaxTest = 500)]
    public bool Transcoding_is_what_decoding_and_encoding_give(byte code) =>
        G711.Transcode(Concierge.Media.MediaCodec.Pcmu, Concierge.Media.MediaCodec.Pcma, code) == G711.EncodeALaw(G711.DecodeMuLaw(code))
        && G711.Transcode(Concierge.Media.MediaCodec.Pcma, Concierge.Media.MediaCodec.Pcma, code) == code;
}
