using Concierge.Config.Durations;
using Concierge.Cps.Calls;
using Concierge.Cps.Records;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Settings;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Values;
using Reqnroll;
using RoutingType = Concierge.Config.Model.RoutingType;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>
/// The custom parameter types of the step language as Reqnroll step argument transformations: `{number}` (a phone number
/// or alias in quotes), `{duration}` (`5 seconds`, `2 min`), `{strings}`/`{devices}` (lists of quoted strings), the
/// enumerations written as words, and data tables read into typed rows.
/// </summary>
[Binding]
public sealed class StepParameterTypes
{
    /// <summary>`{number}`: a quoted phone number or alias.</summary>
    [StepArgumentTransformation("\"([^\"]*)\"", Name = "number")]
    public static DeviceRef Device(string text) => DeviceRef.Parse(text);

    /// <summary>`{duration}`: a number and a unit.</summary>
    [StepArgumentTransformation("(" + DurationText.Pattern + ")", Name = "duration")]
    public static TimeSpan Duration(string text) => DurationText.Parse(text);

    /// <summary>`{strings}`: `"a", "b" and "c"`.</summary>
    [StepArgumentTransformation("(" + QuotedList.Pattern + ")", Name = "strings")]
    public static IReadOnlyList<string> Strings(string text) => QuotedList.Parse(text);

    /// <summary>`{devices}`: `"7580", "7581" or "Reception"`.</summary>
    [StepArgumentTransformation("(" + QuotedList.Pattern + ")", Name = "devices")]
    public static IReadOnlyList<DeviceRef> Devices(string text) => QuotedList.Parse(text).Select(DeviceRef.Parse).ToArray();

    /// <summary>`"automatic distribution"`, `"pick only"`.</summary>
    [StepArgumentTransformation]
    public static RoutingType Routing(string text) => ValueConversion.Convert<RoutingType>(text);

    /// <summary>A processing-queue state written as words.</summary>
    [StepArgumentTransformation]
    public static ProcessingState Processing(string text) => ValueConversion.Convert<ProcessingState>(text);

    /// <summary>A call's end written as words.</summary>
    [StepArgumentTransformation]
    public static CallDisposition Disposition(string text) => ValueConversion.Convert<CallDisposition>(text);

    /// <summary>A data table as raw cells.</summary>
    [StepArgumentTransformation]
    public static StepTable Raw(Table table) => StepTables.FromReqnroll(table);

    /// <summary>`| setting | value |` rows.</summary>
    [StepArgumentTransformation]
    public static IReadOnlyList<SettingRow> Settings(Table table) => TableRows.Read<SettingRow>(StepTables.FromReqnroll(table));

    /// <summary>Unify Phone user rows.</summary>
    [StepArgumentTransformation]
    public static IReadOnlyList<UnifyPhoneUserRow> UnifyPhoneUsers(Table table) => TableRows.Read<UnifyPhoneUserRow>(StepTables.FromReqnroll(table));
}
