using Concierge.Config.Validation;

namespace Concierge.Config.Tests.Topology;

public sealed class TopologyErrorTests
{
    private static ConfigProblem SingleError(string yaml)
    {
        var document = MinimalTopology.Load(yaml);
        Assert.False(document.IsValid);
        return Assert.Single(document.Errors);
    }

    [Fact]
    public void The_minimal_topology_is_valid()
    {
        var document = MinimalTopology.Load(MinimalTopology.Text);
        Assert.Empty(document.Problems);
        Assert.NotNull(document.Concierge);
    }

    [Fact]
    public void A_negative_duration_names_file_line_field_and_value()
    {
        var yaml = MinimalTopology.With("rnaTimeout: 15 s", "rnaTimeout: -5 s");
        var error = SingleError(yaml);
        Assert.Equal("concierge.tenants.DEFAULT.times.rnaTimeout", error.Path);
        Assert.Equal("-5 s", error.Value);
        Assert.Equal(new SourceLocation("test.yaml", MinimalTopology.LineOf(yaml, "rnaTimeout"), 21), error.Source);
        Assert.Equal($"test.yaml:{MinimalTopology.LineOf(yaml, "rnaTimeout")}: concierge.tenants.DEFAULT.times.rnaTimeout: \"-5 s\" is not a duration (negative)", error.ToString());
    }

    [Theory]
    [InlineData("15 seconds please")]
    [InlineData("fifteen s")]
    [InlineData("15")]
    [InlineData("15 fortnights")]
    public void A_duration_without_a_known_unit_is_rejected(string written)
    {
        var error = SingleError(MinimalTopology.With("ringTime: 0 s", $"ringTime: {written}"));
        Assert.Equal("concierge.tenants.DEFAULT.times.ringTime", error.Path);
        Assert.Equal(written, error.Value);
        Assert.StartsWith("is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pilot_number_without_plus_is_rejected_by_its_key()
    {
        var yaml = MinimalTopology.With("\"+4950505803201\": { tenant", "\"4950505803201\": { tenant");
        var error = SingleError(yaml);
        Assert.Equal("concierge.ddiEntries[\"4950505803201\"]", error.Path);
        Assert.Equal("4950505803201", error.Value);
        Assert.Equal("is not an E.164 number with '+'", error.Message);
        Assert.Equal(MinimalTopology.LineOf(yaml, "\"4950505803201\""), error.Source!.Line);
    }

    [Fact]
    public void A_personal_line_with_separators_is_not_e164()
    {
        var yaml = MinimalTopology.With("personalLine: \"+4950505803220\"", "personalLine: \"+49 5050 580 3220\"");
        var error = SingleError(yaml);
        Assert.Equal("concierge.attendants[\"+4950505807580\"].personalLine", error.Path);
        Assert.Equal("+49 5050 580 3220", error.Value);
        Assert.Contains("only digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_interval_below_300_seconds_is_an_error_showing_the_written_value()
    {
        var yaml = MinimalTopology.With("registerInterval: 305 s", "registerInterval: 120 s");
        var error = SingleError(yaml);
        Assert.Equal("concierge.cps.registerInterval", error.Path);
        Assert.Equal("120 s", error.Value);
        Assert.Contains("300 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(MinimalTopology.LineOf(yaml, "registerInterval"), error.Source!.Line);
    }

    [Fact]
    public void Too_many_channels_for_osv_is_an_error()
    {
        var error = SingleError(MinimalTopology.With("channels: 10", "channels: 251"));
        Assert.Equal("concierge.cps.channels", error.Path);
        Assert.Equal("251", error.Value);
        Assert.Contains("250", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_ranges_are_errors_naming_each_range_overlapped()
    {
        var yaml = MinimalTopology.With("request: { first: \"+4950505803301\"", "request: { first: \"+4950505803299\"");
        var errors = MinimalTopology.Load(yaml).Errors.ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("concierge.ranges.request", e.Path));
        Assert.All(errors, e => Assert.Equal("+4950505803299…+4950505803349", e.Value));
        Assert.All(errors, e => Assert.Equal(MinimalTopology.LineOf(yaml, "request:"), e.Source!.Line));
        Assert.Equal("overlaps ranges.personalLines (+4950505803220…+4950505803299)", errors[0].Message);
        Assert.Equal("overlaps ranges.loop (+4950505803300)", errors[1].Message);
    }

    [Fact]
    public void A_misspelt_field_is_reported_with_the_known_fields()
    {
        var yaml = MinimalTopology.With("ringTime: 0 s", "ringTime: 0 s\n        rnaTimout: 10 s");
        var error = SingleError(yaml);
        Assert.Equal("concierge.tenants.DEFAULT.times.rnaTimout", error.Path);
        Assert.Contains("rnaTimeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(MinimalTopology.LineOf(yaml, "rnaTimout"), error.Source!.Line);
    }

    [Fact]
    public void A_missing_required_field_is_reported()
    {
        var error = SingleError(MinimalTopology.With("        maxTransferTime: 30 s\n", ""));
        Assert.Equal("concierge.tenants.DEFAULT.times.maxTransferTime", error.Path);
        Assert.Equal("is missing", error.Message);
    }

    [Fact]
    public void An_unknown_time_overflow_variant_is_reported_at_the_ddi_entry()
    {
        var yaml = MinimalTopology.With("timeOverflowVariant: Night Variant external", "timeOverflowVariant: Night Variant nowhere");
        var error = SingleError(yaml);
        Assert.Equal("concierge.ddiEntries[\"+4950505803201\"].timeOverflowVariant", error.Path);
        Assert.Equal("Night Variant nowhere", error.Value);
        Assert.Contains("\"Night Variant external\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_announcement_variant_without_announcement_is_reported()
    {
        var error = SingleError(MinimalTopology.With(", announcement: DEFAULT-NotAvailable.ende }", " }"));
        Assert.Equal("concierge.nightVariants[\"Night Variant external\"].announcement", error.Path);
        Assert.Contains("mode Announcement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_routing_type_lists_the_known_ones()
    {
        var error = SingleError(MinimalTopology.With("    DEFAULT:\n", "    DEFAULT:\n      routingType: round robin\n"));
        Assert.Equal("concierge.tenants.DEFAULT.routingType", error.Path);
        Assert.Equal("round robin", error.Value);
        Assert.Contains("automatic distribution, pick only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var yaml = MinimalTopology.With("rnaTimeout: 15 s", "rnaTimeout: -5 s")
            .Replace("channelRatio: 3", "channelRatio: three", StringComparison.Ordinal)
            .Replace("loop: \"+4950505803300\"", "loop: \"04950505803300\"", StringComparison.Ordinal);
        var document = MinimalTopology.Load(yaml);
        Assert.Equal(["concierge.cps.channelRatio", "concierge.ranges.loop", "concierge.tenants.DEFAULT.times.rnaTimeout"],
            document.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Null(document.Concierge);
    }

    [Fact]
    public void A_yaml_syntax_error_names_file_and_line()
    {
        var yaml = "name: broken\nconcierge:\n  pbx: [osv\n";
        var error = SingleError(yaml);
        Assert.Equal("test.yaml", error.Source!.File);
        Assert.StartsWith("is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extends_naming_a_missing_file_is_reported_at_the_extends_line()
    {
        var error = SingleError("name: child\nextends: nowhere\n");
        Assert.Equal("extends", error.Path);
        Assert.Equal("nowhere", error.Value);
        Assert.Equal(new SourceLocation("test.yaml", 2, 10), error.Source);
    }

    [Fact]
    public void An_extends_cycle_is_reported()
    {
        var document = MinimalTopology.Load("extends: a\n", ("a", "extends: b\n"), ("b", "extends: test\n"));
        var error = Assert.Single(document.Errors);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Equal("b.yaml", error.Source!.File);
    }

    [Fact]
    public void A_concierge_section_that_is_not_a_mapping_is_reported()
    {
        var error = SingleError("concierge: yes please\n");
        Assert.Equal("concierge", error.Path);
        Assert.Equal("yes please", error.Value);
    }

    [Fact]
    public void Errors_in_an_inherited_file_name_that_file()
    {
        var parent = MinimalTopology.With("ringTime: 0 s", "ringTime: soon");
        var document = MinimalTopology.Load("extends: parent\nname: child\n", ("parent", parent));
        var error = Assert.Single(document.Errors);
        Assert.Equal(new SourceLocation("parent.yaml", MinimalTopology.LineOf(parent, "ringTime"), 19), error.Source);
    }

    [Fact]
    public void A_duplicate_key_is_reported_with_its_line()
    {
        var yaml = MinimalTopology.With("  attendants:\n", "  attendants:\n    \"+4950505807580\": { personalLine: \"+4950505803221\" }\n");
        var error = SingleError(yaml);
        Assert.Equal("test.yaml", error.Source!.File);
        Assert.Contains("+4950505807580", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_anchors_can_share_settings()
    {
        var yaml = MinimalTopology.With("      times:\n", "      times: &times\n")
            .Replace("\"+4950505803201\": { tenant: DEFAULT, name: Main, timeOverflowVariant: Night Variant external }",
                "\"+4950505803201\": { tenant: DEFAULT, name: Main, times: *times }", StringComparison.Ordinal);
        var document = MinimalTopology.Load(yaml);
        Assert.Empty(document.Problems);
        Assert.Equal(TimeSpan.FromSeconds(15), document.Concierge!.DdiEntries[0].Times.RnaTimeout);
    }

    [Fact]
    public void An_alias_bomb_is_refused_quickly()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }
        var error = SingleError(string.Join("\n", lines));
        Assert.Contains("more than 200000 nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var yaml = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        var document = MinimalTopology.Load("deep: " + yaml);
        Assert.Contains(document.Errors, e => e.Message.Contains("nests deeper than 64", StringComparison.Ordinal));
    }
}
