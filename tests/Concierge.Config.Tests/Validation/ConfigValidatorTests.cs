using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Tests.Topology;
using Concierge.Config.Validation;

namespace Concierge.Config.Tests.Validation;

public sealed class ConfigValidatorTests
{
    private static readonly ConciergeConfig Example = StandardTopologies.Load("osv-example").RequireConcierge();

    private static E164Number N(string text) => E164Number.Parse(text);

    private static ValidationReport Validate(ConciergeConfig config) => ConfigValidator.Validate(config);

    private static ConciergeConfig WithAttendants(int count) => Example with
    {
        Attendants = Enumerable.Range(0, count)
            .Select(i => new Attendant(N($"+49505058075{i:00}"), null, N($"+49505058032{20 + i:00}"), null, null)).ToValueList(),
    };

    [Fact]
    public void The_example_is_valid_without_warnings() => Assert.Empty(Validate(Example).Problems);

    [Fact]
    public void A_negative_time_names_the_model_path_and_the_value()
    {
        var tenant = Example.Tenants[0] with { Times = Example.Tenants[0].Times with { RnaTimeout = TimeSpan.FromSeconds(-5) } };
        var problem = Assert.Single(Validate(Example with { Tenants = ValueList.Of(tenant) }).Problems);
        Assert.Equal("tenants[0].times.rnaTimeout: \"-5 seconds\" is not a duration (negative)", problem.ToString());
    }

    [Fact]
    public void Request_numbers_fewer_than_8_plus_agents_give_a_warning_not_an_error()
    {
        var few = WithAttendants(4) with
        {
            Ranges = Example.Ranges with { Request = new NumberRange(N("+4950505803301"), N("+4950505803311")) },
        };
        var report = Validate(few);
        Assert.True(report.IsValid);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("ranges.request", warning.Path);
        Assert.Equal("holds 11 numbers; 8 + 4 agents = 12 are recommended", warning.Message);

        var enough = few with { Ranges = few.Ranges with { Request = new NumberRange(N("+4950505803301"), N("+4950505803312")) } };
        Assert.Empty(Validate(enough).Problems);
    }

    [Fact]
    public void Many_attendants_outgrow_the_request_range()
    {
        var report = Validate(WithAttendants(42));
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("ranges.request", warning.Path);
        Assert.Contains("8 + 42 agents = 50", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Callback_numbers_fewer_than_3_plus_max_parked_give_a_warning()
    {
        var tenant = Example.Tenants[0] with { Paging = Example.Tenants[0].Paging with { MaxParkedCalls = 48 } };
        var report = Validate(Example with { Tenants = ValueList.Of(tenant) });
        var warning = Assert.Single(report.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal("ranges.callback", warning.Path);
        Assert.Equal("holds 50 numbers; 3 + 48 calls parked for paging = 51 are recommended", warning.Message);

        var fits = tenant with { Paging = tenant.Paging with { MaxParkedCalls = 47 } };
        Assert.Empty(Validate(Example with { Tenants = ValueList.Of(fits) }).Problems);
    }

    [Fact]
    public void Register_interval_of_exactly_300_seconds_is_allowed_and_299_is_not()
    {
        Assert.Empty(Validate(Example with { Cps = Example.Cps with { RegisterInterval = TimeSpan.FromSeconds(300) } }).Problems);
        var problem = Assert.Single(Validate(Example with { Cps = Example.Cps with { RegisterInterval = TimeSpan.FromSeconds(299) } }).Problems);
        Assert.Equal(("cps.registerInterval", "299 seconds"), (problem.Path, problem.Value));
    }

    [Theory]
    [InlineData(PbxType.Osv, 250, true)]
    [InlineData(PbxType.Osv, 251, false)]
    [InlineData(PbxType.Os4000, 120, true)]
    [InlineData(PbxType.Os4000, 121, false)]
    [InlineData(PbxType.Osv, 2, false)]
    public void Channel_count_is_limited_by_the_pbx(PbxType pbx, int channels, bool valid)
    {
        var config = Example with { Pbx = pbx, Cps = Example.Cps with { Channels = channels } };
        var errors = Validate(config).Errors.ToList();
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("cps.channels", e.Path));
    }

    [Fact]
    public void Plus_edition_allows_one_tenant_six_ddi_entries_and_no_paging()
    {
        var pilots = Enumerable.Range(1, 7).Select(i => Example.DdiEntries[0] with { Pilot = N($"+49505058032{i:00}"), TimeOverflowVariant = null });
        var second = Example.Tenants[0] with { Name = "MUENCHEN", Paging = PagingSettings.Off, TimeOverflowVariant = null };
        var config = Example with
        {
            Edition = Edition.Plus,
            DdiEntries = pilots.ToValueList(),
            Tenants = ValueList.Of(Example.Tenants[0], second),
        };
        var errors = Validate(config).Errors.Select(e => (e.Path, e.Value)).ToList();
        Assert.Contains(("tenants", "2"), errors);
        Assert.Contains(("ddiEntries", "7"), errors);
        Assert.Contains(("tenants[0].paging.enabled", "true"), errors);

        var six = config with { DdiEntries = pilots.Take(6).ToValueList(), Tenants = ValueList.Of(Example.Tenants[0] with { Paging = PagingSettings.Off }) };
        Assert.True(Validate(six).IsValid, Validate(six).ToString());
    }

    [Fact]
    public void Overload_forward_needs_a_destination()
    {
        var entry = Example.DdiEntries[1] with { Overload = new OverloadSettings(OverloadAction.Forward, null) };
        var config = Example with { DdiEntries = ValueList.Of(Example.DdiEntries[0], entry) };
        var problem = Assert.Single(Validate(config).Problems);
        Assert.Equal("ddiEntries[1].overload.destination", problem.Path);
        var fixedEntry = entry with { Overload = new OverloadSettings(OverloadAction.Forward, N("+4950505807890")) };
        Assert.Empty(Validate(config with { DdiEntries = ValueList.Of(Example.DdiEntries[0], fixedEntry) }).Problems);
    }

    [Fact]
    public void A_pilot_outside_the_pilot_range_is_an_error()
    {
        var entry = Example.DdiEntries[0] with { Pilot = N("+4950505803250") };
        var problem = Assert.Single(Validate(Example with { DdiEntries = ValueList.Of(entry) }).Problems);
        Assert.Equal(("ddiEntries[0].pilot", "+4950505803250"), (problem.Path, problem.Value));
    }

    [Fact]
    public void Personal_lines_must_be_unique_and_inside_their_range()
    {
        var a = Example.Attendants;
        var clash = a[1] with { PersonalLine = a[0].PersonalLine };
        var outside = a[2] with { PersonalLine = N("+4950505803205") };
        var problems = Validate(Example with { Attendants = ValueList.Of(a[0], clash, outside, a[3]) }).Problems;
        Assert.Equal(["attendants[1].personalLine", "attendants[2].personalLine"], problems.Select(p => p.Path));
    }

    [Fact]
    public void A_unify_phone_pair_must_belong_to_the_device_and_needs_osv()
    {
        var a = Example.Attendants;
        var wrong = a[3] with { UnifyPhone = new OnsOndPair(N("+4950505807584"), N("+4950505807683")) };
        var problems = Validate(Example with { Pbx = PbxType.Os4000, Attendants = ValueList.Of(a[0], a[1], a[2], wrong) }).Problems;
        Assert.Contains(problems, p => p.Path == "attendants[3].unifyPhone.ons" && p.Value == "+4950505807584");
        Assert.Contains(problems, p => p.Path == "attendants[3].unifyPhone" && p.Message.Contains("OpenScape Voice", StringComparison.Ordinal));
    }

    [Fact]
    public void Standby_needs_a_loop_number_and_a_positive_interval()
    {
        var config = Example with
        {
            Ranges = Example.Ranges with { Loop = null },
            Standby = new StandbySettings("osc1", "cps", "osc2", "osc2", TimeSpan.Zero, 0),
        };
        var paths = Validate(config).Errors.Select(e => e.Path).ToList();
        Assert.Equal(["ranges.loop", "standby.loopInterval", "standby.loopCallsMissedBeforeTakeover"], paths);
    }

    [Fact]
    public void Without_oscc_the_pilot_range_is_required()
    {
        var problem = Assert.Single(Validate(Example with { Ranges = Example.Ranges with { Pilot = null } }).Problems, p => p.Path == "ranges.pilot");
        Assert.True(problem.IsError);
    }

    [Fact]
    public void An_announcement_of_another_tenant_is_rejected_as_default_music()
    {
        var tenant = Example.Tenants[0] with { Announcements = Example.Tenants[0].Announcements with { MusicOnHold = "DEFAULT-NotAvailable.ende" } };
        var problem = Assert.Single(Validate(Example with { Tenants = ValueList.Of(tenant) }).Problems);
        Assert.Equal("tenants[0].announcements.musicOnHold", problem.Path);
        Assert.Contains("MusicOnHold", problem.Message, StringComparison.Ordinal);
    }
}
