using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;
using Concierge.Sip.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Validation;

public class SipRequestValidatorPropertyTests
{
    private static readonly SipRequestValidator Endpoint = new();

    [Fact]
    public void Well_formed_requests_are_accepted_unless_method_or_body_is_unsupported()
    {
        Prop.ForAll(SipGenerators.Messages.ToArbitrary(), m =>
        {
            if (m is not SipRequest)
            {
                return true.Label("response");
            }
            if (!SipParser.TryParse(m.ToBytes(), out var parsed, out _))
            {
                return false.Label("does not parse");
            }
            var request = (SipRequest)parsed!;
            var result = Endpoint.Validate(request);
            var expected = !SipValidatorOptions.Endpoint.AllowedMethods.Contains(request.Method) ? 501
                : !request.Body.IsEmpty ? 415
                : 0;
            var response = result.CreateResponse(request);
            var answered = expected == 0 ? response is null : response is { } r && r.StatusCode == expected && r.CallId == request.CallId;
            return (result.StatusCode == expected && answered).Label($"{result} for\n{SipGenerators.Describe(request)}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Validator_answers_every_removed_mandatory_header_with_400()
    {
        var gen = from m in SipGenerators.Messages
                  where m is SipRequest
                  from header in Gen.Elements("Via", "From", "To", "Call-ID", "CSeq")
                  select (m, header);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            input.m.Headers.Remove(input.header);
            var result = Endpoint.Validate((SipRequest)input.m);
            return (result.StatusCode == 400 && result.Detail.Contains("missing", StringComparison.Ordinal)).Label(input.header + ": " + result);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }
}
