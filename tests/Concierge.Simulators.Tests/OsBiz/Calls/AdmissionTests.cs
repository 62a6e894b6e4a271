using Concierge.Simulators.OsBiz.Calls;
using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.Tests.Support;
using Concierge.Simulators.UnifyPhone.Connector;

namespace Concierge.Simulators.Tests.OsBiz.Calls;

public class AdmissionTests
{
    public static TheoryData<NoCallsCause> Causes() => new(Enum.GetValues<NoCallsCause>());

    private static void Bring(OsBizSite site, NoCallsCause cause)
    {
        var system = site.Osbiz;
        switch (cause)
        {
            case NoCallsCause.NoSoftwareSupport: system.SoftwareSupport = false; break;
            case NoCallsCause.NoFreeTrunkLine: system.SetTrunkLines(0); break;
            case NoCallsCause.NoLicense: system.SetLicensed("2131", false); break;
            case NoCallsCause.NotTrustedExternalUser: system.ChangeStationKindInExpertMode("2131", StationKind.MobilityUser); break;
            case NoCallsCause.RouteFlagOff: system.RouteTrustedExternalUsers = false; break;
            case NoCallsCause.NumberNotInNumberingPlan: system.ChangeMobileCallNumberInExpertMode("2131", "+4923026672199"); break;
            case NoCallsCause.ExpertModeChange: system.EditInExpertMode("2131"); break;
        }
    }

    [Theory]
    [MemberData(nameof(Causes))]
    public void Each_faq_cause_refuses_the_client_call_on_the_trunk_naming_it(NoCallsCause cause)
    {
        var site = new OsBizSite();
        Bring(site, cause);
        Assert.Equal(cause, site.Osbiz.Admit(site.Osbiz.Users["2131"]));
        var call = site.Site.Connector.Dial("user1.abc@osbiz.com", "+4930111").Call!;
        site.Loop.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal((ClientCallState.Refused, cause.SipStatus(), cause.Text()), (call.State, call.RefusalStatus, call.RefusalReason));
        Assert.Equal(cause, site.Osbiz.ClientCallLog.Single().Refused);
        Assert.Equal(0, site.Osbiz.LinesInUse);
    }

    [Fact]
    public void Cause_texts_are_the_faqs_and_read_back()
    {
        Assert.Equal("OpenScape Business is not under Software support", NoCallsCause.NoSoftwareSupport.Text());
        Assert.All(Enum.GetValues<NoCallsCause>(), c => Assert.Equal(c, NoCallsCauses.FromText(c.Text())));
        Assert.Equal(7, Enum.GetValues<NoCallsCause>().Select(c => c.Text()).Distinct().Count());
    }

    [Fact]
    public void Expired_unify_phone_licenses_refuse_calls_on_the_virtual_clock()
    {
        var site = new OsBizSite(edit: y => y.Replace("voicemail: 0 }", "voicemail: 0, unifyPhoneExpiresIn: 10 days }", StringComparison.Ordinal));
        Assert.Null(site.Osbiz.Admit(site.Osbiz.Users["2131"]));
        site.Loop.RunFor(TimeSpan.FromDays(10));
        Assert.Equal(NoCallsCause.NoLicense, site.Osbiz.Admit(site.Osbiz.Users["2131"]));
    }

    [Fact]
    public void Users_beyond_the_licenses_are_not_licensed()
    {
        var site = new OsBizSite(edit: y => y.Replace("unifyPhone: 10,", "unifyPhone: 3,", StringComparison.Ordinal));
        Assert.Null(site.Osbiz.CreateUser("2140", null, "Ida", "Neu", "ida@osbiz.com"));
        Assert.False(site.Osbiz.Users["2140"].Licensed);
        Assert.Equal(NoCallsCause.NoLicense, site.Osbiz.Admit(site.Osbiz.Users["2140"]));
    }
}
