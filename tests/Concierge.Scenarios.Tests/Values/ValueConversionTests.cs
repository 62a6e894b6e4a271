using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Settings;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.Tests.Values;

public sealed class ValueConversionTests
{
    [Fact]
    public void Devices_are_full_numbers_or_aliases()
    {
        Assert.True(DeviceRef.Parse("+4950505807580").IsFullNumber);
        Assert.False(DeviceRef.Parse("7580").IsFullNumber);
        Assert.Throws<FormatException>(() => DeviceRef.Parse("Anna"));
        Assert.Throws<FormatException>(() => DeviceRef.Parse("+49 5050"));
    }

    [Theory]
    [InlineData("\"a\", \"b\", \"c\"", new[] { "a", "b", "c" })]
    [InlineData("\"7580\"", new[] { "7580" })]
    [InlineData("\"a\", \"b\" and \"c\"", new[] { "a", "b", "c" })]
    [InlineData("\"a\" or \"b\"", new[] { "a", "b" })]
    public void Lists_of_quoted_strings(string text, string[] expected) => Assert.Equal(expected, QuotedList.Parse(text));

    [Fact]
    public void Lists_convert_element_by_element()
    {
        var devices = (DeviceRef[])ValueConversion.Convert("\"7580\", \"+4950505807581\"", typeof(IReadOnlyList<DeviceRef>))!;
        Assert.Equal([new DeviceRef("7580"), new DeviceRef("+4950505807581")], devices);
    }

    [Fact]
    public void Enums_ignore_case_and_spaces()
    {
        Assert.Equal(Cps.Records.CallDisposition.Answered, ValueConversion.Convert("answered", typeof(Cps.Records.CallDisposition)));
        Assert.Equal(Config.Model.RoutingType.PickOnly, ValueConversion.Convert("pick only", typeof(Config.Model.RoutingType)));
        var error = Assert.Throws<FormatException>(() => ValueConversion.Convert("lost", typeof(Cps.Records.CallDisposition)));
        Assert.Contains("Answered", error.Message);
    }

    [Fact]
    public void Tables_become_typed_rows_by_header()
    {
        var table = new StepTable([["setting", "value"], ["RNA timeout", "15 seconds"], ["ring time", "0 s"]]);
        var rows = TableRows.Read<SettingRow>(table);
        Assert.Equal([new SettingRow("RNA timeout", "15 seconds"), new SettingRow("ring time", "0 s")], rows);
        var times = CallTimes.Read(rows);
        Assert.Equal(TimeSpan.FromSeconds(15), times.RnaTimeout);
        Assert.Equal(TimeSpan.Zero, times.RingTime);
        Assert.Null(times.MaxTransferTime);
    }

    [Fact]
    public void A_table_without_header_is_read_when_the_columns_fit()
    {
        var rows = TableRows.Read<SettingRow>(new StepTable([["priority", "3"]]));
        Assert.Equal(3, DdiSettings.Read(rows).Priority);
    }

    private sealed record Row(int Count, TimeSpan Delay, string Name);

    [Fact]
    public void Typed_cells_are_converted_and_bad_ones_named()
    {
        var rows = TableRows.Read<Row>(new StepTable([["name", "count", "delay"], ["x", "3", "2 minutes"]]));
        Assert.Equal(new Row(3, TimeSpan.FromMinutes(2), "x"), rows.Single());
        Assert.Throws<FormatException>(() => TableRows.Read<Row>(new StepTable([["name", "count", "delay"], ["x", "three", "2 minutes"]])));
        var unknown = Assert.Throws<FormatException>(() => TableRows.Read<Row>(new StepTable([["colour"], ["red"]])));
        Assert.Contains("colour", unknown.Message);
    }

    [Fact]
    public void Ddi_settings_read_every_documented_setting()
    {
        var settings = DdiSettings.Read([
            new("max transfer time", "30 seconds"), new("max time in incoming queue", "2 minutes"), new("RNA timeout", "15 seconds"),
            new("ring time", "0 seconds"), new("time overflow variant", "Night Variant internal"), new("overload", "forward"),
            new("overload destination", "+4950505807890"), new("priority", "2"), new("purpose", "Main"),
        ]);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.Times.MaxTimeInIncomingQueue);
        Assert.Equal(OverloadMode.Forward, settings.Overload);
        Assert.Equal("+4950505807890", settings.OverloadDestination);
        Assert.Equal(2, settings.Priority);
        Assert.Throws<FormatException>(() => DdiSettings.Read([new("overload", "forward")]));
        Assert.Throws<FormatException>(() => DdiSettings.Read([new("colour", "red")]));
        Assert.Throws<FormatException>(() => CallTimes.Read([new("RNA timeout", "soon")]));
    }
}
