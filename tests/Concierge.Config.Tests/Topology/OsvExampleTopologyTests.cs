using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Topology;

namespace Concierge.Config.Tests.Topology;

public sealed class OsvExampleTopologyTests
{
    private static readonly TopologyDocument Document = StandardTopologies.Load("osv-example");
    private static readonly ConciergeConfig Config = Document.RequireConcierge();

    private static E164Number N(string text) => E164Number.Parse(text);

    [Fact]
    public void Cps_registers_as_CPS1_every_305_seconds_with_30_channels_ratio_3()
    {
        Assert.Equal(PbxType.Osv, Config.Pbx);
        Assert.Equal(Edition.Professional, Config.Edition);
        Assert.Equal("cps", Config.Cps.Host);
        Assert.Equal("CPS1", Config.Cps.RegisterId);
        Assert.Equal("osv", Config.Cps.RegistrarHost);
        Assert.Equal(5060, Config.Cps.RegistrarPort);
        Assert.Equal(TimeSpan.FromSeconds(305), Config.Cps.RegisterInterval);
        Assert.Equal(30, Config.Cps.Channels);
        Assert.Equal(3, Config.Cps.ChannelRatio);
        Assert.Null(Config.Standby);
    }

    [Fact]
    public void Number_ranges_are_the_guides_example()
    {
        var r = Config.Ranges;
        Assert.Equal(new NumberRange(N("+4950505803201"), N("+4950505803219")), r.Pilot);
        Assert.Equal(new NumberRange(N("+4950505803220"), N("+4950505803299")), r.PersonalLines);
        Assert.Equal(N("+4950505803300"), r.Loop);
        Assert.Equal(new NumberRange(N("+4950505803301"), N("+4950505803349")), r.Request);
        Assert.Equal(new NumberRange(N("+4950505803350"), N("+4950505803399")), r.Callback);
        Assert.Equal(19, r.Pilot!.Count);
        Assert.Equal(49, r.Request.Count);
        Assert.Equal(50, r.Callback.Count);
    }

    [Fact]
    public void Tenant_DEFAULT_has_automatic_distribution_and_the_steps_times()
    {
        var tenant = Assert.Single(Config.Tenants);
        Assert.Equal("DEFAULT", tenant.Name);
        Assert.Equal(RoutingType.AutomaticDistribution, tenant.RoutingType);
        Assert.Equal(new TenantTimes(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15), TimeSpan.Zero), tenant.Times);
        Assert.Equal("DEFAULT-DefaultMoH", tenant.Announcements.MusicOnHold);
        Assert.Null(tenant.Announcements.StartAnnouncement);
        Assert.True(tenant.Paging.Enabled);
        Assert.Equal("Standard pager announcements", tenant.Paging.Announcement);
        Assert.Equal(@"DEFAULT\manager", tenant.ManagerAccount);
    }

    [Fact]
    public void Ddi_entries_are_Main_Internal_Intercept_and_invalid_destination()
    {
        Assert.Equal(
            [("+4950505803201", "Main"), ("+4950505803202", "Internal"), ("+4950505803209", "Intercept"), ("+4950505803219", "invalid destination")],
            Config.DdiEntries.Select(e => (e.Pilot.ToString(), e.Name)).ToArray());
        var main = Config.FindDdiEntry(N("+4950505803201"))!;
        Assert.Equal("Night Variant internal", main.TimeOverflowVariant);
        Assert.Equal(OverloadAction.Busy, main.Overload.Action);
        Assert.All(Config.DdiEntries, e => Assert.Equal("DEFAULT", e.Tenant));
        Assert.Equal(VariantMode.Forwarding, Config.EffectiveTimeOverflowVariant(main)!.Mode);
        Assert.Equal(TimeSpan.FromSeconds(120), Config.EffectiveTimes(main).MaxTimeInIncomingQueue);
    }

    [Fact]
    public void Night_variants_have_the_three_modes()
    {
        var busy = Config.FindVariant("Service Hotline - Busy")!;
        var external = Config.FindVariant("Night Variant external")!;
        var internalVariant = Config.FindVariant("Night Variant internal")!;
        Assert.Equal(VariantMode.Busy, busy.Mode);
        Assert.Equal(VariantMode.Announcement, external.Mode);
        Assert.Equal("DEFAULT-NotAvailable.ende", external.Announcement);
        Assert.Equal(VariantMode.Forwarding, internalVariant.Mode);
        Assert.Equal(N("+4950505807890"), internalVariant.ForwardingDestination);
    }

    [Fact]
    public void Announcements_have_the_durations_scenarios_rely_on()
    {
        var moh = Config.FindAnnouncement("DEFAULT-DefaultMoH")!;
        Assert.Equal(AnnouncementType.MusicOnHold, moh.Type);
        Assert.True(moh.Loops);
        var notAvailable = Config.FindAnnouncement("DEFAULT-NotAvailable.ende")!;
        Assert.Equal(TimeSpan.FromSeconds(6), notAvailable.Duration);
        Assert.False(notAvailable.Loops);
        Assert.Equal(TimeSpan.FromSeconds(4), Config.FindAnnouncement("Standard pager announcements")!.Duration);
    }

    [Fact]
    public void Attendants_7580_to_7583_have_personal_lines_3220_to_3223_in_order_and_no_greeting()
    {
        Assert.Equal(
            [("+4950505807580", "7580", "+4950505803220"), ("+4950505807581", "7581", "+4950505803221"),
             ("+4950505807582", "7582", "+4950505803222"), ("+4950505807583", "7583", "+4950505803223")],
            Config.Attendants.Select(a => (a.Device.ToString(), a.Alias!, a.PersonalLine.ToString())).ToArray());
        Assert.All(Config.Attendants, a => Assert.Null(a.Greeting));
        Assert.All(Config.Attendants, a => Assert.Null(a.UnifyPhone));
    }

    [Fact]
    public void Osv_section_has_the_fallback_routing_of_the_guide()
    {
        var osv = Document.Section("osv")!;
        var global = osv.Mapping("globalNumberingPlan")!;
        var queues = global.Mapping("destinations")!.Mapping("CPSQueues")!;
        Assert.Equal("true", queues.Text("fallbackToLocalNumberingPlan"));
        Assert.Equal("CPS001", ((TopologyMapping)queues.Sequence("routes")!.Items[0]).Text("endpoint"));
        Assert.Equal("false", global.Mapping("destinations")!.Mapping("CPSintResc")!.Text("fallbackToLocalNumberingPlan"));
        var operations = global.Mapping("codeProcessing")!.Mapping("CP_Fallback")!.Sequence("operations")!.Items.Cast<TopologyMapping>().ToList();
        Assert.Equal(("30", "0"), (operations[0].Text("delete"), operations[0].Text("position")));
        Assert.Equal(("4950505805520", "0"), (operations[1].Text("insert"), operations[1].Text("position")));

        var endpoint = osv.Mapping("endpoints")!.Mapping("CPS001")!;
        Assert.Equal("true", endpoint.Text("registrationRequired"));
        Assert.Equal("CPS1", ((TopologyScalar)endpoint.Sequence("aliases")!.Items[0]).Value);
        Assert.Equal(Config.Cps.RegisterId, ((TopologyScalar)endpoint.Sequence("aliases")!.Items[0]).Value);
    }

    [Fact]
    public void Osv_section_has_the_ucd_fallback_hunt_group_with_the_attendants_as_flagged_members()
    {
        var bg = Document.Section("osv")!.Mapping("businessGroups")!.Mapping("BG_Concierge")!;
        var group = bg.Mapping("huntGroups")!.Mapping("+4950505805520")!;
        Assert.Equal("UCD", group.Text("huntType"));
        Assert.Equal("511", group.Text("queueSize"));
        var members = group.Sequence("members")!.Items.Cast<TopologyMapping>().ToList();
        Assert.Equal(Config.Attendants.Select(a => a.Device.ToString()), members.Select(m => m.Text("number")));
        Assert.All(members, m => Assert.Equal(("true", "true"), (m.Text("attendantAgent"), m.Text("canMakeHuntGroupBusy"))));

        var subscribers = bg.Mapping("subscribers")!;
        var office = subscribers.Entries.Where(e => ((TopologyMapping)e.Value).Text("role") == "office").Select(e => e.Key).ToList();
        Assert.Equal(Enumerable.Range(7001, 10).Select(n => $"+495050580{n}").Append("+4950505807890"), office);
        Assert.Equal("false", subscribers.Mapping("+4950505807580")!.Mapping("phone")!.Text("callWaiting"));
        Assert.Equal("true", subscribers.Mapping("+4950505807580")!.Mapping("phone")!.Text("autoAnswerCti"));
    }
}
