using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Validation;
using static Concierge.Sip.Tests.Torture.TortureHarness;

namespace Concierge.Sip.Tests.Torture;

/// <summary>RFC 4475 §3.1.2: invalid messages are rejected by the parser or answered by the UAS core.</summary>
public class Rfc4475InvalidMessageTests
{
    [Fact]
    public void Rfc4475_badinv01_extraneous_separators_are_answered_400()
    {
        AssertAnswered("badinv01.dat", 400);
        Assert.Contains("Via", Validate("badinv01.dat").Detail);
    }

    [Fact]
    public void Rfc4475_clerr_content_length_larger_than_message_answered_400_over_udp_and_waits_over_tcp()
    {
        var error = ParseFails("clerr.dat", out var partial);
        Assert.Equal(SipParseErrorKind.BodyTruncated, error.Kind);
        var request = Assert.IsType<SipRequest>(partial);
        var response = SipResponse.CreateFor(request, 400);
        Assert.Equal("clerr.0ha0isndaksdjweiafasdk3", response.CallId);

        var framer = new SipStreamFramer();
        var messages = new List<SipMessage>();
        Assert.True(framer.TryPush(Support.TestData.Torture("clerr.dat"), messages));
        Assert.Empty(messages);
        Assert.True(framer.BufferedBytes > 0);
    }

    [Fact]
    public void Rfc4475_ncl_negative_content_length_is_rejected_and_closes_a_stream()
    {
        Assert.Equal(SipParseErrorKind.BadContentLength, ParseFails("ncl.dat", out var partial).Kind);
        Assert.NotNull(partial);
        var framer = new SipStreamFramer();
        Assert.False(framer.TryPush(Support.TestData.Torture("ncl.dat"), new List<SipMessage>()));
        Assert.Equal(SipParseErrorKind.BadContentLength, framer.Error.Kind);
    }

    [Fact]
    public void Rfc4475_scalar02_request_scalar_fields_with_overlarge_values_answered_400()
    {
        var request = Parse<SipRequest>("scalar02.dat");
        Assert.Null(request.CSeq);
        Assert.Null(request.MaxForwards);
        Assert.Null(request.Expires);
        AssertAnswered("scalar02.dat", 400);
    }

    [Fact]
    public void Rfc4475_scalarlg_response_scalar_fields_with_overlarge_values_is_discarded()
    {
        var response = Parse<SipResponse>("scalarlg.dat");
        Assert.NotNull(new SipResponseValidator().Check(response));
    }

    [Fact]
    public void Rfc4475_quotbal_unterminated_quoted_string_answered_400()
    {
        AssertAnswered("quotbal.dat", 400);
        Assert.Contains("To", Validate("quotbal.dat").Detail);
    }

    [Fact]
    public void Rfc4475_ltgtruri_angle_brackets_around_request_uri_rejected()
    {
        Assert.Equal(SipParseErrorKind.BadRequestUri, ParseFails("ltgtruri.dat", out _).Kind);
    }

    [Fact]
    public void Rfc4475_lwsruri_lws_inside_request_uri_rejected()
    {
        Assert.Equal(SipParseErrorKind.BadRequestLine, ParseFails("lwsruri.dat", out _).Kind);
    }

    [Fact]
    public void Rfc4475_lwsstart_multiple_spaces_in_request_line_rejected()
    {
        Assert.Equal(SipParseErrorKind.BadRequestLine, ParseFails("lwsstart.dat", out _).Kind);
    }

    [Theory]
    [InlineData("ltgtruri.dat", "INVITE")]
    [InlineData("lwsruri.dat", "INVITE")]
    [InlineData("lwsstart.dat", "INVITE")]
    [InlineData("trws.dat", "OPTIONS")]
    public void A_bad_request_line_with_a_method_leaves_a_partial_request_to_answer_400_from(string file, string method)
    {
        ParseFails(file, out var partial);
        var request = Assert.IsType<SipRequest>(partial);
        Assert.Equal(method, request.Method);
        Assert.NotNull(request.TopVia);
        Assert.NotNull(request.CallId);
        Assert.Equal(400, SipResponse.CreateFor(request, 400).StatusCode);
    }

    [Fact]
    public void Rfc4475_trws_trailing_space_after_version_rejected()
    {
        Assert.Equal(SipParseErrorKind.BadRequestLine, ParseFails("trws.dat", out _).Kind);
    }

    [Fact]
    public void Rfc4475_escruri_escaped_headers_in_request_uri_answered_400()
    {
        var request = Parse<SipRequest>("escruri.dat");
        Assert.Equal("<sip:example.com>", request.RequestUri.Headers["Route"]);
        AssertAnswered("escruri.dat", 400);
    }

    [Fact]
    public void Rfc4475_baddate_non_gmt_date_answered_400()
    {
        AssertAnswered("baddate.dat", 400);
        Assert.Contains("GMT", Validate("baddate.dat").Detail);
    }

    [Fact]
    public void Rfc4475_regbadct_contact_with_uri_header_outside_angle_brackets_answered_400()
    {
        AssertAnswered("regbadct.dat", 400, SipValidatorRole.Registrar);
        Assert.Contains("Contact", Validate("regbadct.dat", SipValidatorRole.Registrar).Detail);
    }

    [Fact]
    public void Rfc4475_badaspec_spaces_inside_addr_spec_answered_400()
    {
        AssertAnswered("badaspec.dat", 400);
        Assert.Contains("To", Validate("badaspec.dat").Detail);
    }

    [Fact]
    public void Rfc4475_baddn_unquoted_non_token_display_name_answered_400()
    {
        AssertAnswered("baddn.dat", 400);
        Assert.Contains("From", Validate("baddn.dat").Detail);
    }

    [Fact]
    public void Rfc4475_badvers_unknown_protocol_version_answered_505()
    {
        Assert.Equal("SIP/7.0", Parse<SipRequest>("badvers.dat").Version);
        AssertAnswered("badvers.dat", 505);
    }

    [Fact]
    public void Rfc4475_mismatch01_start_line_and_cseq_method_mismatch_answered_400()
    {
        AssertAnswered("mismatch01.dat", 400);
        Assert.Contains("CSeq", Validate("mismatch01.dat").Detail);
    }

    [Fact]
    public void Rfc4475_mismatch02_unknown_method_with_cseq_mismatch_answered_501()
    {
        AssertAnswered("mismatch02.dat", 501);
    }

    [Fact]
    public void Rfc4475_bigcode_overlarge_response_code_dropped()
    {
        Assert.Equal(SipParseErrorKind.BadStatusLine, ParseFails("bigcode.dat", out var partial).Kind);
        Assert.Null(partial);
    }
}
