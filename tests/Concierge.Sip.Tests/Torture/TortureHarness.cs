using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;
using Concierge.Sip.Validation;

namespace Concierge.Sip.Tests.Torture;

/// <summary>Reads an RFC 4475 message and runs it through the parser and the validators.</summary>
internal static class TortureHarness
{
    public static T Parse<T>(string file) where T : SipMessage
    {
        var ok = SipParser.TryParse(TestData.Torture(file), out var message, out var error);
        Assert.True(ok, $"{file}: {error}");
        return Assert.IsType<T>(message);
    }

    public static SipParseError ParseFails(string file, out SipMessage? partial)
    {
        Assert.False(SipParser.TryParse(TestData.Torture(file), out partial, out var error), file + " should be rejected");
        return error;
    }

    public static SipValidationResult Validate(string file, SipValidatorRole role = SipValidatorRole.Endpoint) =>
        new SipRequestValidator(new SipValidatorOptions { Role = role }).Validate(Parse<SipRequest>(file));

    public static void AssertAnswered(string file, int status, SipValidatorRole role = SipValidatorRole.Endpoint)
    {
        var request = Parse<SipRequest>(file);
        var result = new SipRequestValidator(new SipValidatorOptions { Role = role }).Validate(request);
        Assert.Equal(status, result.StatusCode);
        var response = result.CreateResponse(request);
        Assert.NotNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.True(SipParser.TryParse(response.ToBytes(), out _, out var error), error.ToString());
    }

    public static void AssertAccepted(string file, SipValidatorRole role = SipValidatorRole.Endpoint)
    {
        var result = Validate(file, role);
        Assert.True(result.IsAccepted, file + ": " + result);
    }
}
