using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using RoutingType = Concierge.Config.Model.RoutingType;
using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Settings;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The Setup phrases of STEPS.md: topology, seed, channels, tenants, DDI entries, variants, attendants, phones, network.</summary>
[Binding]
public sealed class SetupSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>Given the topology "&lt;name&gt;".</summary>
    [Given("the topology {string}")]
    public void TheTopology(string name) => World.UseTopology(TopologyCatalog.Load(World.Environment.RepositoryRoot, name));

    /// <summary>Given the seed &lt;n&gt;.</summary>
    [Given("the seed {int}")]
    public void TheSeed(ulong seed) => World.Reseed(seed);

    /// <summary>Given the CPS has &lt;n&gt; channels with channel ratio &lt;r&gt;.</summary>
    [Given("the CPS has {int} channels with channel ratio {int}")]
    public void TheCpsHasChannels(int channels, int ratio)
    {
        var topology = World.RequireTopology();
        if (channels > topology.MaximumChannels)
            throw new FormatException($"{channels} channels exceed the maximum of {topology.MaximumChannels} for the {topology.Pbx} trunk");
        var settings = new ChannelSettings(channels, ratio);
        ChannelFormula.Split(settings);
        World.ChannelSettings = settings;
        World.Trace.Record("config", $"channels {channels} ratio {ratio}");
        World.System.Cps?.ConfigureChannels(settings);
    }

    /// <summary>Given the CPS registers every &lt;d&gt; (an addition to STEPS.md: the register interval, C 6.3.1.3).</summary>
    [Given("the CPS registers every {duration}")]
    public void TheCpsRegistersEvery(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero) throw new FormatException("the register interval must be positive");
        Cps.SetRegisterInterval(interval);
    }

    /// <summary>Given the routing type of tenant "&lt;tenant&gt;" is "automatic distribution" | "pick only".</summary>
    [Given("the routing type of tenant {string} is {string}")]
    public void TheRoutingTypeOfTenant(string tenant, RoutingType routing) => Cps.SetRoutingType(tenant, routing);

    /// <summary>Given the tenant "&lt;tenant&gt;" has these times: (table | setting | value |).</summary>
    [Given("the tenant {string} has these times:")]
    public void TheTenantHasTheseTimes(string tenant, IReadOnlyList<SettingRow> times)
    {
        var parsed = CallTimes.Read(times);
        Cps.SetTenantTimes(tenant, parsed);
    }

    /// <summary>Given the DDI entry "&lt;pilot&gt;" has these settings: (table | setting | value |).</summary>
    [Given("the DDI entry {number} has these settings:")]
    public void TheDdiEntryHasTheseSettings(DeviceRef pilot, IReadOnlyList<SettingRow> settings)
    {
        var parsed = DdiSettings.Read(settings);
        var number = Number(pilot);
        if (parsed.OverloadDestination is { } destination) parsed = parsed with { OverloadDestination = Number(DeviceRef.Parse(destination)) };
        Cps.SetDdiSettings(number, parsed);
    }

    /// <summary>Given the night variant "&lt;variant&gt;" is active for "&lt;pilot&gt;".</summary>
    [Given("the night variant {string} is active for {number}")]
    public void TheNightVariantIsActive(string variant, DeviceRef pilot)
    {
        var number = Number(pilot);
        Cps.ActivateNightVariant(variant, number);
    }

    /// <summary>Given attendant "&lt;who&gt;" is logged on.</summary>
    [Given("attendant {number} is logged on")]
    public void AttendantIsLoggedOn(DeviceRef who)
    {
        var device = Number(who);
        Attendants.LogOn(device, available: true);
    }

    /// <summary>Given attendant "&lt;who&gt;" is logged on and unavailable.</summary>
    [Given("attendant {number} is logged on and unavailable")]
    public void AttendantIsLoggedOnAndUnavailable(DeviceRef who)
    {
        var device = Number(who);
        Attendants.LogOn(device, available: false);
    }

    /// <summary>Given attendants "&lt;a&gt;", "&lt;b&gt;", … are logged on.</summary>
    [Given("attendants {devices} are logged on")]
    public void AttendantsAreLoggedOn(IReadOnlyList<DeviceRef> who)
    {
        var devices = who.Select(Number).ToArray();
        var desk = Attendants;
        foreach (var device in devices) desk.LogOn(device, available: true);
    }

    /// <summary>Given the CPS is down.</summary>
    [Given("the CPS is down")]
    public void TheCpsIsDown() => Cps.TakeDown();

    /// <summary>Given "&lt;number&gt;" is busy.</summary>
    [Given("{number} is busy")]
    public void IsBusy(DeviceRef number)
    {
        var device = Number(number);
        Phones.SetBusy(device);
    }

    /// <summary>Given "&lt;number&gt;" does not answer.</summary>
    [Given("{number} does not answer")]
    public void DoesNotAnswer(DeviceRef number)
    {
        var device = Number(number);
        Phones.SetNoAnswer(device);
    }

    /// <summary>Given "&lt;number&gt;" answers calls after &lt;d&gt;.</summary>
    [Given("{number} answers calls after {duration}")]
    public void AnswersCallsAfter(DeviceRef number, TimeSpan delay)
    {
        var device = Number(number);
        Phones.SetAnswersAfter(device, delay);
    }

    /// <summary>Given "&lt;number&gt;" has call forwarding unconditional to "&lt;dest&gt;".</summary>
    [Given("{number} has call forwarding unconditional to {number}")]
    public void HasCallForwardingUnconditional(DeviceRef number, DeviceRef destination)
    {
        var device = Number(number);
        var target = Number(destination);
        Phones.SetForwardingUnconditional(device, target);
    }

    /// <summary>Given the directory has these entries: (table | name | numbers | department | location | email |, numbers separated by ';').</summary>
    [Given("the directory has these entries:")]
    public void TheDirectoryHasTheseEntries(StepTable table)
    {
        var csv = string.Join("\n", table.Rows.Select(row => string.Join(",", row.Select(CsvCell.Quote))));
        Attendants.ImportDirectory(csv + "\n");
    }

    /// <summary>Given the PBX link of the CPS is SIP only: the CPS runs without its CSTA link.</summary>
    [Given("the PBX link of the CPS is SIP only")]
    public void ThePbxLinkIsSipOnly() => Csta.RunSipOnly();

    /// <summary>Given the tenant "&lt;tenant&gt;" plays the start announcement "&lt;announcement&gt;".</summary>
    [Given("the tenant {string} plays the start announcement {string}")]
    public void TheTenantPlaysTheStartAnnouncement(string tenant, string announcement) => Cps.SetStartAnnouncement(tenant, announcement);

    /// <summary>Given attendant "&lt;who&gt;" has the personal greeting "&lt;announcement&gt;".</summary>
    [Given("attendant {number} has the personal greeting {string}")]
    public void AttendantHasThePersonalGreeting(DeviceRef who, string announcement)
    {
        var device = Number(who);
        Cps.SetPersonalGreeting(device, announcement);
    }

    /// <summary>Given "&lt;number&gt;" forwards calls on no answer to "&lt;dest&gt;" after &lt;d&gt;.</summary>
    [Given("{number} forwards calls on no answer to {number} after {duration}")]
    public void ForwardsCallsOnNoAnswer(DeviceRef number, DeviceRef destination, TimeSpan delay)
    {
        var device = Number(number);
        var target = Number(destination);
        Phones.SetForwardingOnNoAnswer(device, target, delay);
    }

    /// <summary>Given "&lt;number&gt;" forwards calls when busy to "&lt;dest&gt;".</summary>
    [Given("{number} forwards calls when busy to {number}")]
    public void ForwardsCallsWhenBusy(DeviceRef number, DeviceRef destination)
    {
        var device = Number(number);
        var target = Number(destination);
        Phones.SetForwardingOnBusy(device, target);
    }

    /// <summary>Given the network between "&lt;a&gt;" and "&lt;b&gt;" loses &lt;p&gt;% of packets.</summary>
    [Given("the network between {string} and {string} loses {decimal}% of packets")]
    public void TheNetworkLosesPackets(string a, string b, double percent)
    {
        if (percent is < 0 or > 100) throw new FormatException($"{percent}% is not a percentage between 0 and 100");
        var topology = World.RequireTopology();
        var (hostA, hostB) = (topology.RequireHost(a), topology.RequireHost(b));
        Network.SetLoss(hostA, hostB, percent);
    }

    /// <summary>Given the network between "&lt;a&gt;" and "&lt;b&gt;" delays packets by &lt;d&gt;.</summary>
    [Given("the network between {string} and {string} delays packets by {duration}")]
    public void TheNetworkDelaysPackets(string a, string b, TimeSpan delay)
    {
        var topology = World.RequireTopology();
        var (hostA, hostB) = (topology.RequireHost(a), topology.RequireHost(b));
        Network.SetDelay(hostA, hostB, delay);
    }
}
