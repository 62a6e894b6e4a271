using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Settings;
using Concierge.Config.Tests.Topology;

namespace Concierge.Config.Tests.Settings;

public sealed class ScenarioSettingsTests
{
    private static readonly ConciergeConfig Example = StandardTopologies.Load("osv-example").RequireConcierge();

    [Fact]
    public void Time_settings_from_a_table_change_the_tenant_times()
    {
        var times = Example.Tenants[0].Times;
        times = ScenarioSettings.ApplyTime(times, "RNA timeout", "10 seconds");
        times = ScenarioSettings.ApplyTime(times, "max transfer time", "20 s");
        times = ScenarioSettings.ApplyTime(times, "max time in incoming queue", "1 minute");
        times = ScenarioSettings.ApplyTime(times, "ring time", "500 ms");
        Assert.Equal(new TenantTimes(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)), times);
    }

    [Fact]
    public void Ddi_settings_from_a_table_change_the_entry()
    {
        var entry = Example.DdiEntries[0];
        entry = ScenarioSettings.ApplyDdi(entry, "overload", "forward");
        entry = ScenarioSettings.ApplyDdi(entry, "overload destination", "+4950505807890");
        entry = ScenarioSettings.ApplyDdi(entry, "time overflow variant", "Night Variant external");
        entry = ScenarioSettings.ApplyDdi(entry, "priority", "1");
        entry = ScenarioSettings.ApplyDdi(entry, "purpose", "Reception");
        entry = ScenarioSettings.ApplyDdi(entry, "RNA timeout", "8 s");
        Assert.Equal(new OverloadSettings(OverloadAction.Forward, E164Number.Parse("+4950505807890")), entry.Overload);
        Assert.Equal(("Night Variant external", 1, "Reception"), (entry.TimeOverflowVariant, entry.Priority!.Value, entry.Purpose));
        Assert.Equal(TimeSpan.FromSeconds(8), Example.EffectiveTimes(entry).RnaTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), Example.EffectiveTimes(entry).MaxTransferTime);
    }

    [Theory]
    [InlineData("RNA timeout", "soon", "setting \"RNA timeout\": \"soon\" is not a duration")]
    [InlineData("overload", "queue", "setting \"overload\": \"queue\" is not busy or forward")]
    [InlineData("overload destination", "7890", "setting \"overload destination\": \"7890\" is not an E.164 number with '+'")]
    [InlineData("priority", "11", "setting \"priority\": \"11\" is not a priority from 1 to 10")]
    [InlineData("colour", "red", "\"colour\" is not a setting (known: max transfer time")]
    public void Bad_settings_name_the_setting_and_value(string setting, string value, string message)
    {
        var error = Assert.Throws<FormatException>(() => ScenarioSettings.ApplyDdi(Example.DdiEntries[0], setting, value));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overload_destination_may_be_an_alias_when_a_resolver_is_given()
    {
        static string? Resolve(string alias) => alias == "7890" ? "+4950505807890" : null;
        var entry = ScenarioSettings.ApplyDdi(Example.DdiEntries[0], "overload destination", "7890", Resolve);
        Assert.Equal(E164Number.Parse("+4950505807890"), entry.Overload.Destination);
        var error = Assert.Throws<FormatException>(() => ScenarioSettings.ApplyDdi(Example.DdiEntries[0], "overload destination", "7999", Resolve));
        Assert.Equal("setting \"overload destination\": \"7999\" is neither an E.164 number with '+' nor a known alias", error.Message);
    }
}
