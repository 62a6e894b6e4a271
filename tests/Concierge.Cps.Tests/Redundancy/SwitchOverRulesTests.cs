using Concierge.Cps.Redundancy;

namespace Concierge.Cps.Tests.Redundancy;

public sealed class SwitchOverRulesTests
{
    [Theory]
    [InlineData("OpenScape Concierge Service", SwitchOverEffect.SwitchOver)]
    [InlineData("PABXLinkConnector", SwitchOverEffect.SwitchOver)]
    [InlineData("pabxlink node", SwitchOverEffect.SwitchOver)]
    [InlineData("ContactCenterNode", SwitchOverEffect.SwitchOver)]
    [InlineData("ConciergeProviderService", SwitchOverEffect.CpsOnly)]
    [InlineData("ConfigSyncServer", SwitchOverEffect.FeatureLost)]
    [InlineData("CPSWorkerService", SwitchOverEffect.FeatureLost)]
    [InlineData("RealtimeServer", SwitchOverEffect.FeatureLost)]
    [InlineData("UCNode", SwitchOverEffect.FeatureLost)]
    [InlineData("ExternalCalendarConnector", SwitchOverEffect.FeatureLost)]
    [InlineData("ContactDataProvider", SwitchOverEffect.FeatureLost)]
    public void The_guide_s_triggers_and_non_triggers(string name, SwitchOverEffect effect)
    {
        Assert.True(SwitchOverRules.TryParse(name, out var process));
        Assert.Equal(effect, SwitchOverRules.EffectOf(process));
    }

    [Fact]
    public void Unknown_names_are_not_read_and_the_secondary_runs_no_sync_or_import()
    {
        Assert.False(SwitchOverRules.TryParse("Solitaire", out _));
        Assert.False(SwitchOverRules.TryParse(" ", out _));
        Assert.Equal(["configuration synchronisation", "directory import"], SwitchOverRules.NotRunningWhileSecondaryActive.Select(SwitchOverRules.FeatureOf));
        Assert.All(Enum.GetValues<ServerProcess>(), p => Assert.Contains(SwitchOverRules.Names, n => n.Process == p));
    }
}
