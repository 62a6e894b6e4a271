using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Topology;

namespace Concierge.Config.Tests.Topology;

public sealed class DerivedTopologyTests
{
    private static E164Number N(string text) => E164Number.Parse(text);

    [Fact]
    public void Osv_standby_adds_osc2_looping_every_10_seconds_taking_over_after_2_misses()
    {
        var document = StandardTopologies.Load("osv-standby");
        Assert.Equal(["osv-example", "osv-standby"], document.Chain);
        var config = document.RequireConcierge();
        Assert.Equal(new StandbySettings("osc1", "cps", "osc2", "osc2", TimeSpan.FromSeconds(10), 2), config.Standby);
        Assert.Equal(N("+4950505803300"), config.Ranges.Loop);
        Assert.Equal(StandardTopologies.Load("osv-example").Concierge! with { Standby = config.Standby }, config);
        Assert.Equal("192.0.2.21", document.Section("network")!.Mapping("hosts")!.Text("osc2"));
        Assert.Equal("192.0.2.10", document.Section("network")!.Mapping("hosts")!.Text("osv"));
        var aliases = document.Section("osv")!.Mapping("endpoints")!.Mapping("CPS001")!.Sequence("aliases")!.Items;
        Assert.Equal(["CPS1", "192.0.2.20", "192.0.2.21"], aliases.Cast<TopologyScalar>().Select(s => s.Value));
    }

    [Fact]
    public void Osv_oscc_routes_pilots_by_oscc_and_keeps_personal_lines_3200_to_3299()
    {
        var document = StandardTopologies.Load("osv-oscc");
        var config = document.RequireConcierge();
        Assert.Null(config.Ranges.Pilot);
        Assert.Equal(new NumberRange(N("+4950505803200"), N("+4950505803299")), config.Ranges.PersonalLines);
        var main = Assert.Single(config.DdiEntries);
        Assert.Equal(N("+4950505803201"), main.Pilot);
        Assert.Equal(new OsccHuntGroups(N("+4950505805530"), N("+4950505805531")), main.Oscc);
        Assert.True(config.UsesOscc);
        var queue = document.Section("oscc")!.Mapping("queues")!.Mapping("Main")!;
        Assert.Equal(("+4950505803201", "+4950505805530", "+4950505805531"),
            (queue.Text("pilot"), queue.Text("initialHuntGroup"), queue.Text("musicOnHoldHuntGroup")));
        var groups = document.Section("osv")!.Mapping("businessGroups")!.Mapping("BG_Concierge")!.Mapping("huntGroups")!;
        Assert.Equal(["+4950505805520", "+4950505805530", "+4950505805531"], groups.Keys);
    }

    [Fact]
    public void Os4000_example_has_its_own_ranges_and_lcr_but_the_same_tenant_variants_and_attendant_devices()
    {
        var document = StandardTopologies.Load("os4000-example");
        var config = document.RequireConcierge();
        var osv = StandardTopologies.Load("osv-example").Concierge!;
        Assert.Equal(PbxType.Os4000, config.Pbx);
        Assert.Null(document.Section("osv"));
        Assert.Equal(30, config.Cps.Channels);
        Assert.Equal(3, config.Cps.ChannelRatio);
        Assert.Equal(120, CpsSettings.MaximumChannels(config.Pbx));
        Assert.Equal(new NumberRange(N("+4950505809000"), N("+4950505809009")), config.Ranges.Pilot);
        Assert.Equal(new NumberRange(N("+4950505809200"), N("+4950505809209")), config.Ranges.PersonalLines);
        Assert.Equal(N("+4950505809300"), config.Ranges.Loop);
        Assert.Equal(new NumberRange(N("+4950505809301"), N("+4950505809349")), config.Ranges.Request);
        Assert.Equal(new NumberRange(N("+4950505809350"), N("+4950505809399")), config.Ranges.Callback);
        Assert.Equal([("+4950505809000", "Main"), ("+4950505809001", "Internal")], config.DdiEntries.Select(e => (e.Pilot.ToString(), e.Name)).ToArray());
        Assert.Equal(osv.Tenants, config.Tenants);
        Assert.Equal(osv.NightVariants, config.NightVariants);
        Assert.Equal(osv.Attendants.Select(a => a.Device), config.Attendants.Select(a => a.Device));
        Assert.Equal(["+4950505809200", "+4950505809201", "+4950505809202", "+4950505809203"], config.Attendants.Select(a => a.PersonalLine.ToString()));

        var os4000 = document.Section("os4000")!;
        var entries = os4000.Mapping("lcr")!.Mapping("routes")!.Mapping("181")!.Sequence("entries")!.Items.Cast<TopologyMapping>().ToList();
        Assert.Equal(("1", "181"), (entries[0].Text("lval"), entries[0].Text("trunkGroup")));
        Assert.Equal(("2", "RERTEINT"), (entries[1].Text("lval"), entries[1].Text("attribute")));
        var reroute = os4000.Mapping("lcr")!.Mapping("outdialRules")!.Sequence(entries[1].Text("outdialRule")!)!.Items.Cast<TopologyMapping>().First();
        Assert.Equal("5520", reroute.Text("outpulse"));
        var group = os4000.Mapping("huntGroups")!.Mapping("5520")!;
        Assert.Equal("cyclic", group.Text("type"));
        Assert.Equal(["7580", "7581", "7582", "7583"], group.Sequence("members")!.Items.Cast<TopologyScalar>().Select(s => s.Value));
        Assert.Equal(11, os4000.Mapping("stations")!.Entries.Count(e => ((TopologyMapping)e.Value).Text("role") == "office"));
    }

    [Fact]
    public void Osv_unifyphone_registers_the_pair_of_7583_but_not_of_7584()
    {
        var document = StandardTopologies.Load("osv-unifyphone");
        var config = document.RequireConcierge();
        Assert.Equal(new OnsOndPair(N("+4950505807583"), N("+4950505807683")), config.FindAttendant(N("+4950505807583"))!.UnifyPhone);
        Assert.Equal(new OnsOndPair(N("+4950505807583"), N("+4950505807683")), config.FindUnifyPhonePair(N("+4950505807583")));
        var second = config.FindAttendantByAlias("7584")!;
        Assert.Null(second.UnifyPhone);
        Assert.Null(config.FindUnifyPhonePair(N("+4950505807584")));
        Assert.Equal(N("+4950505803223"), config.FindAttendant(N("+4950505807583"))!.PersonalLine);

        var osv = document.Section("osv")!;
        Assert.Equal("true", osv.Mapping("csta")!.Mapping("applications")!.Mapping("uaCSTA")!.Text("privateDataPresentationV8"));
        var bg = osv.Mapping("businessGroups")!.Mapping("BG_Concierge")!;
        var members = bg.Mapping("huntGroups")!.Mapping("+4950505805520")!.Sequence("members")!.Items.Cast<TopologyMapping>().ToList();
        var flagged = members.Single(m => m.Text("number") == "+4950505807584");
        Assert.Equal("true", flagged.Text("attendantAgent"));
        Assert.Equal("UCD", bg.Mapping("huntGroups")!.Mapping("+4950505805520")!.Text("huntType"));
        Assert.Equal("+4950505807684", bg.Mapping("subscribers")!.Mapping("+4950505807584")!.Mapping("unifyPhone")!.Text("ond"));
        Assert.Equal("Concierge 7583 (Unify Phone ONS)", bg.Mapping("subscribers")!.Mapping("+4950505807583")!.Text("displayName"));
        Assert.Equal("true", bg.Mapping("subscribers")!.Mapping("+4950505807583")!.Mapping("phone")!.Text("autoAnswerCti"));
    }

    [Fact]
    public void Osbiz_unifyphone_has_no_cps_and_the_unify_phone_settings_of_the_howto()
    {
        var document = StandardTopologies.Load("osbiz-unifyphone");
        Assert.Null(document.Concierge);
        var osbiz = document.Section("osbiz")!;
        var connectivity = osbiz.Mapping("unifyPhoneConnectivity")!;
        var location = connectivity.Mapping("locationNumberIncoming")!;
        Assert.Equal(("49", "2302", "667"), (location.Text("countryCode"), location.Text("localAreaCode"), location.Text("pabxNumber")));
        Assert.Equal("855", connectivity.Text("seizureCode"));
        Assert.Equal("international", connectivity.Text("numberingSchema"));
        Assert.Equal("2048", osbiz.Mapping("internetAccess")!.Text("upstreamKbps"));
        var users = osbiz.Mapping("unifyPhoneUsers")!;
        Assert.Equal(["2131", "2134", "42135"], users.Keys);
        Assert.Equal(("2131", "User1", "Abc"), (users.Mapping("2131")!.Text("did"), users.Mapping("2131")!.Text("firstName"), users.Mapping("2131")!.Text("lastName")));
        Assert.Equal("User4", users.Mapping("2134")!.Text("firstName"));
        var team = osbiz.Mapping("teams")!.Mapping("2135")!;
        Assert.Equal(("2135", "42135"), (team.Text("deskPhone"), team.Text("unifyPhoneUser")));
        Assert.Equal("User5", users.Mapping(team.Text("unifyPhoneUser")!)!.Text("firstName"));
        var jwt = document.Section("unifyPhone")!.Mapping("tenant")!.Mapping("jwt")!;
        Assert.Equal(("Active", "90 days"), (jwt.Text("status"), jwt.Text("expiresIn")));
        Assert.Equal(TimeSpan.FromDays(90), Concierge.Config.Durations.DurationText.Parse(jwt.Text("expiresIn")!));
    }
}
