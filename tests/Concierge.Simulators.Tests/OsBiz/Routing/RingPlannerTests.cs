using Concierge.Simulators.OsBiz.Routing;

namespace Concierge.Simulators.Tests.OsBiz.Routing;

public class RingPlannerTests
{
    private const string Up = "+49230266742135";
    private const string Desk = "+4923026672135";
    private const string Alt = "+4930111";

    private static string Describe(RingPlan plan) =>
        string.Join(",", plan.First.Select(t => t.Kind)) + (plan.OnNoAnswer is { } next ? " then " + next.Kind : "");

    [Theory]
    [InlineData(RoutingMode.Default, true, null, "UnifyPhone,DeskPhone")]
    [InlineData(RoutingMode.Default, true, Alt, "UnifyPhone,DeskPhone then AlternativeNumber")]
    [InlineData(RoutingMode.Default, false, Alt, "UnifyPhone then AlternativeNumber")]
    [InlineData(RoutingMode.DeskPhone, true, Alt, "DeskPhone")]
    [InlineData(RoutingMode.UnifyPhone, true, Alt, "UnifyPhone")]
    [InlineData(RoutingMode.AlternativeNumber, false, Alt, "AlternativeNumber")]
    [InlineData(RoutingMode.AlternativeNumber, true, Alt, "AlternativeNumber")]
    [InlineData(RoutingMode.AlternativeNumber, false, null, "UnifyPhone")]
    public void Each_mode_rings_what_the_howto_says(RoutingMode mode, bool team, string? alternative, string expected) =>
        Assert.Equal(expected, Describe(RingPlanner.Plan(mode, Up, team ? Desk : null, alternative, target2UserDefined: true)));

    [Fact]
    public void Without_target_2_user_defined_the_alternative_number_is_never_used()
    {
        Assert.Equal("UnifyPhone,DeskPhone", Describe(RingPlanner.Plan(RoutingMode.Default, Up, Desk, Alt, target2UserDefined: false)));
        Assert.Equal(RingPlanner.AlternativeNumberNeedsTarget2, RingPlanner.Refusal(RoutingMode.AlternativeNumber, inTeam: false, target2UserDefined: false));
    }

    [Theory]
    [InlineData(RoutingMode.Default, false, null)]
    [InlineData(RoutingMode.AlternativeNumber, false, null)]
    [InlineData(RoutingMode.DeskPhone, false, "the routing mode 'Desk phone' needs a MULAP team with a desk phone")]
    [InlineData(RoutingMode.UnifyPhone, false, "the routing mode 'Unify Phone' needs a MULAP team with a desk phone")]
    [InlineData(RoutingMode.DeskPhone, true, null)]
    public void Desk_phone_and_unify_phone_modes_need_a_team(RoutingMode mode, bool team, string? refusal) =>
        Assert.Equal(refusal, RingPlanner.Refusal(mode, team, target2UserDefined: true));

    [Fact]
    public void Mode_names_read_back() =>
        Assert.All(Enum.GetValues<RoutingMode>(), m => Assert.Equal(m, RoutingModes.Parse(m.Text())));
}
