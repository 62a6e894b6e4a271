using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Validation;
using static Concierge.Sip.Tests.Torture.TortureHarness;

namespace Concierge.Sip.Tests.Torture;

/// <summary>RFC 4475 §3.2-§3.4: transaction-layer, application-layer and backward-compatibility messages.</summary>
public class Rfc4475ApplicationMessageTests
{
    [Fact]
    public void Rfc4475_badbranch_branch_of_only_the_magic_cookie_answered_400()
    {
        Assert.Equal(SipVia.BranchCookie, Parse<SipRequest>("badbranch.dat").TopVia!.Branch);
        AssertAnswered("badbranch.dat", 400);
    }

    [Fact]
    public void Rfc4475_insuf_missing_required_headers_answered_400()
    {
        var result = Validate("insuf.dat");
        Assert.Equal(400, result.StatusCode);
        Assert.Contains("missing", result.Detail);
        AssertAnswered("insuf.dat", 400);
    }

    [Fact]
    public void Rfc4475_unkscm_unknown_request_uri_scheme_answered_416()
    {
        var request = Parse<SipRequest>("unkscm.dat");
        Assert.Equal("nobodyknowsthisscheme", request.RequestUri.Scheme);
        Assert.Equal("totallyopaquecontent", request.RequestUri.Opaque);
        AssertAnswered("unkscm.dat", 416);
    }

    [Fact]
    public void Rfc4475_novelsc_novel_request_uri_scheme_answered_416()
    {
        Assert.Equal("soap.beep", Parse<SipRequest>("novelsc.dat").RequestUri.Scheme);
        AssertAnswered("novelsc.dat", 416);
    }

    [Fact]
    public void Rfc4475_unksm2_unknown_scheme_in_to_proxied_but_registrar_answers_400()
    {
        var request = Parse<SipRequest>("unksm2.dat");
        Assert.Equal("isbn", request.To!.Uri.Scheme);
        Assert.Equal("http", request.From!.Uri.Scheme);
        Assert.Equal("name", request.Contact!.Uri.Scheme);
        AssertAccepted("unksm2.dat", SipValidatorRole.Proxy);
        AssertAnswered("unksm2.dat", 400, SipValidatorRole.Registrar);
    }

    [Fact]
    public void Rfc4475_bext01_unknown_require_answered_420_with_unsupported()
    {
        var endpoint = Validate("bext01.dat");
        Assert.Equal(420, endpoint.StatusCode);
        Assert.Contains(new SipHeader("Unsupported", "nothingSupportsThis, nothingSupportsThisEither"), endpoint.ExtraHeaders);
        var proxy = Validate("bext01.dat", SipValidatorRole.Proxy);
        Assert.Equal(420, proxy.StatusCode);
        Assert.Contains(new SipHeader("Unsupported", "noProxiesSupportThis, norDoAnyProxiesSupportThis"), proxy.ExtraHeaders);
        var response = endpoint.CreateResponse(Parse<SipRequest>("bext01.dat"))!;
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.Headers.GetFirst("Unsupported"));
    }

    [Fact]
    public void Rfc4475_invut_unknown_content_type_answered_415_by_endpoint()
    {
        var result = Validate("invut.dat");
        Assert.Equal(415, result.StatusCode);
        Assert.Contains(result.ExtraHeaders, h => h.Name == "Accept" && h.Value.Contains("application/sdp"));
        AssertAccepted("invut.dat", SipValidatorRole.Proxy);
    }

    [Fact]
    public void Rfc4475_regaut01_unknown_authorization_scheme_ignored_by_registrar_405_elsewhere()
    {
        var request = Parse<SipRequest>("regaut01.dat");
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", request.Headers.GetFirst("Authorization"));
        AssertAccepted("regaut01.dat", SipValidatorRole.Registrar);
        AssertAccepted("regaut01.dat", SipValidatorRole.Proxy);
        var result = Validate("regaut01.dat");
        Assert.Equal(405, result.StatusCode);
        Assert.Contains(result.ExtraHeaders, h => h.Name == "Allow");
    }

    [Fact]
    public void Rfc4475_multi01_multiple_values_in_single_value_headers_answered_400()
    {
        AssertAnswered("multi01.dat", 400);
        Assert.Contains("more than once", Validate("multi01.dat").Detail);
    }

    [Fact]
    public void Rfc4475_mcl01_conflicting_content_lengths_rejected_and_close_a_stream()
    {
        Assert.Equal(SipParseErrorKind.ConflictingContentLength, ParseFails("mcl01.dat", out _).Kind);
        var framer = new SipStreamFramer();
        Assert.False(framer.TryPush(Support.TestData.Torture("mcl01.dat"), new List<SipMessage>()));
        Assert.Equal(SipParseErrorKind.ConflictingContentLength, framer.Error.Kind);
    }

    [Fact]
    public void Rfc4475_bcast_response_with_two_vias_discarded_by_endpoint()
    {
        var response = Parse<SipResponse>("bcast.dat");
        Assert.Equal("255.255.255.255", response.Vias[1].Host);
        Assert.NotNull(new SipResponseValidator(SipValidatorRole.Endpoint).Check(response));
    }

    [Fact]
    public void Rfc4475_zeromf_max_forwards_zero_is_processed_by_endpoint_and_483_at_proxy()
    {
        Assert.Equal(0, Parse<SipRequest>("zeromf.dat").MaxForwards);
        AssertAccepted("zeromf.dat");
        AssertAnswered("zeromf.dat", 483, SipValidatorRole.Proxy);
    }

    [Fact]
    public void Rfc4475_cparam01_unknown_param_after_addr_spec_is_a_contact_param()
    {
        var contact = Parse<SipRequest>("cparam01.dat").Contact!;
        Assert.True(contact.Parameters.Contains("unknownparam"));
        Assert.Empty(contact.Uri.Parameters);
        Assert.Equal("+19725552222", contact.Uri.User);
        AssertAccepted("cparam01.dat", SipValidatorRole.Registrar);
    }

    [Fact]
    public void Rfc4475_cparam02_unknown_param_inside_angle_brackets_stays_a_uri_param()
    {
        var contact = Parse<SipRequest>("cparam02.dat").Contact!;
        Assert.True(contact.Uri.Parameters.Contains("unknownparam"));
        Assert.Empty(contact.Parameters);
        AssertAccepted("cparam02.dat", SipValidatorRole.Registrar);
    }

    [Fact]
    public void Rfc4475_regescrt_contact_keeps_escaped_route_header()
    {
        var contact = Parse<SipRequest>("regescrt.dat").Contact!;
        Assert.Equal("<sip:sip.example.com>", contact.Uri.Headers["Route"]);
        Assert.Equal("<sip:user@example.com?Route=%3Csip:sip.example.com%3E>", contact.ToString());
        AssertAccepted("regescrt.dat", SipValidatorRole.Registrar);
    }

    [Fact]
    public void Rfc4475_sdp01_accept_without_sdp_answered_406_with_warning()
    {
        var result = Validate("sdp01.dat");
        Assert.Equal(406, result.StatusCode);
        Assert.Contains(result.ExtraHeaders, h => h.Name == "Warning" && h.Value.StartsWith("399 ", StringComparison.Ordinal));
        AssertAnswered("sdp01.dat", 406);
    }

    [Fact]
    public void Rfc4475_inv2543_rfc2543_syntax_is_accepted()
    {
        var request = Parse<SipRequest>("inv2543.dat");
        Assert.Null(request.TopVia!.Branch);
        Assert.False(request.TopVia.HasRfc3261Branch);
        Assert.Null(request.From!.Tag);
        Assert.Null(request.MaxForwards);
        Assert.Null(request.ContentLength);
        Assert.Equal("ss1.example.com", request.RecordRoutes.Single().Uri.Parameters["maddr"]);
        Assert.Equal("phone", request.To!.Parameters["user"]); // addr-spec form: a header parameter (RFC 3261 §20.10)
        Assert.False(request.Body.IsEmpty);
        AssertAccepted("inv2543.dat");
    }
}
