using Concierge.Config.Numbers;
using Concierge.Cps.Trunk;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Xunit;

namespace Concierge.Cps.Tests.Trunk;

public sealed class DivertedCallTests
{
    private static SipRequest Invite(params (string name, string value)[] headers)
    {
        var invite = new SipRequest("INVITE", SipUri.Sip("+4950505803209", "192.0.2.20"));
        foreach (var (name, value) in headers) invite.Headers.Add(name, value);
        return invite;
    }

    [Fact]
    public void A_call_without_diversion_or_history_is_not_diverted()
    {
        Assert.Equal(new DivertedCall(false, null), DivertedCall.Of(Invite()));
    }

    [Fact]
    public void Diversion_names_the_office_user_first_called_from_its_oldest_entry()
    {
        var invite = Invite(
            (SipHeaderNames.Diversion, "<sip:+4950505807002@192.0.2.10>;reason=user-busy;counter=1"),
            (SipHeaderNames.Diversion, "<sip:+4950505807001@192.0.2.10>;reason=no-answer;counter=1"));
        Assert.Equal(new DivertedCall(true, E164Number.Parse("+4950505807001")), DivertedCall.Of(invite));
    }

    [Fact]
    public void A_diversion_number_without_plus_is_read_as_international()
    {
        var invite = Invite((SipHeaderNames.Diversion, "<sip:4950505807001@192.0.2.10>;reason=unconditional"));
        Assert.Equal(E164Number.Parse("+4950505807001"), DivertedCall.Of(invite).MeantFor);
    }

    [Fact]
    public void History_info_names_its_first_target_when_it_is_not_the_request_target()
    {
        var invite = Invite(
            (SipHeaderNames.HistoryInfo, "<sip:+4950505807001@192.0.2.10>;index=1"),
            (SipHeaderNames.HistoryInfo, "<sip:+4950505803209@192.0.2.20?Reason=SIP%3Bcause%3D408>;index=1.1"));
        Assert.Equal(new DivertedCall(true, E164Number.Parse("+4950505807001")), DivertedCall.Of(invite));
    }

    [Fact]
    public void An_unreadable_diversion_still_marks_the_call_diverted_for_nobody_known()
    {
        var invite = Invite((SipHeaderNames.Diversion, "<<not a uri"));
        Assert.Equal(new DivertedCall(true, null), DivertedCall.Of(invite));
    }
}
