using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.OsBiz.Teams;

namespace Concierge.Simulators.Tests.OsBiz.Teams;

public class TeamRulesTests
{
    [Theory]
    [InlineData(new[] { StationKind.IpDeskPhone }, null)]
    [InlineData(new[] { StationKind.TdmDeskPhone }, null)]
    [InlineData(new[] { StationKind.Cordless }, TeamRules.CordlessNotApproved)]
    [InlineData(new[] { StationKind.IpDeskPhone, StationKind.Cordless }, TeamRules.CordlessNotApproved)]
    [InlineData(new[] { StationKind.IpDeskPhone, StationKind.TdmDeskPhone }, TeamRules.ExactlyOneDeskPhone)]
    [InlineData(new StationKind[0], TeamRules.ExactlyOneDeskPhone)]
    [InlineData(new[] { StationKind.TrustedExternalUser }, TeamRules.ExactlyOneDeskPhone)]
    public void A_team_has_exactly_one_ip_or_tdm_desk_phone_and_never_a_cordless(StationKind[] phones, string? refusal) =>
        Assert.Equal(refusal, TeamRules.Refusal(phones));
}
