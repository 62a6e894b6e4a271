using Concierge.Simulators.OsBiz.Calls;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.OsBiz.Calls;

public class PublicCallTests
{
    private const string Caller = "+493011100001";

    [Fact]
    public void Default_routing_of_a_team_rings_the_unify_phone_over_the_trunk_and_the_desk_phone()
    {
        var site = new OsBizSite();
        var call = site.Osbiz.Dial(Caller, "+4923026672135");
        Assert.Equal(["+4923026672135"], call.RingingAt); // the desk phone at once; the Unify Phone once the connector's 180 is back
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(["+4923026672135", "+49230266742135"], call.RingingAt.Order());
        Assert.Equal(1, site.Osbiz.LinesInUse);
        Assert.True(site.Site.Connector.Answer("user5.xyz@osbiz.com"));
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal("+49230266742135", call.ConnectedTo);
        Assert.Empty(call.RingingAt);
        site.Site.Connector.HangUp("user5.xyz@osbiz.com");
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(PublicCallEnd.Answered, call.End);
        Assert.Equal(0, site.Osbiz.LinesInUse);
    }

    [Fact]
    public void The_desk_phone_answering_cancels_the_unify_phone_leg()
    {
        var site = new OsBizSite();
        var call = site.Osbiz.Dial(Caller, "+4923026672135");
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.True(site.Osbiz.AnswerAt("+4923026672135"));
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal("+4923026672135", call.ConnectedTo);
        Assert.True(call.UnifyPhoneLeg!.IsEnded);
        Assert.Equal(0, site.Osbiz.LinesInUse);
        Assert.DoesNotContain(site.Site.Connector.Calls, c => c.State == Concierge.Simulators.UnifyPhone.Connector.ClientCallState.Ringing);
    }

    [Fact]
    public void On_no_answer_default_routing_moves_to_the_alternative_number_after_the_forwarding_time()
    {
        var site = new OsBizSite();
        Assert.Null(site.Osbiz.SetAlternativeNumber("2134", "+4930111"));
        var call = site.Osbiz.Dial(Caller, "+4923026672134");
        site.Loop.RunFor(TimeSpan.FromSeconds(14));
        Assert.Equal(["+4923026672134"], call.RingingAt);
        site.Loop.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(["+4930111"], call.RingingAt);
        Assert.Equal(0, site.Osbiz.LinesInUse);
        Assert.True(site.Osbiz.AnswerAt("+4930111"));
        Assert.Equal("+4930111", call.ConnectedTo);
    }

    [Fact]
    public void Without_target_2_user_defined_the_alternative_number_is_refused()
    {
        var site = new OsBizSite(edit: y => y.Replace("target2: \"** User defined\"", "target2: \"No entry\"", StringComparison.Ordinal));
        Assert.Equal(RingPlanner.AlternativeNumberNeedsTarget2, site.Osbiz.SetAlternativeNumber("2134", "+4930111"));
        Assert.Equal(RingPlanner.AlternativeNumberNeedsTarget2, site.Osbiz.SetRouting("2134", RoutingMode.AlternativeNumber));
    }

    [Fact]
    public void A_refused_unify_phone_leg_leaves_the_desk_phone_ringing_and_names_the_cause()
    {
        var site = new OsBizSite();
        site.Osbiz.SoftwareSupport = false;
        var call = site.Osbiz.Dial(Caller, "+4923026672135");
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(["+4923026672135"], call.RingingAt);
        Assert.Equal(NoCallsCause.NoSoftwareSupport.Text(), call.Refusal);
    }

    [Fact]
    public void An_unknown_did_fails_and_a_caller_hanging_up_abandons()
    {
        var site = new OsBizSite();
        var unknown = site.Osbiz.Dial(Caller, "+4923026679999");
        Assert.Equal(PublicCallEnd.Failed, unknown.End);
        var call = site.Osbiz.Dial(Caller, "+4923026672131");
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(["+4923026672131"], call.RingingAt);
        site.Osbiz.CallerHangsUp(call);
        site.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(PublicCallEnd.Abandoned, call.End);
        Assert.Equal(0, site.Osbiz.LinesInUse);
        Assert.DoesNotContain(site.Site.Connector.Calls, c => c.State == Concierge.Simulators.UnifyPhone.Connector.ClientCallState.Ringing);
    }
}
