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
/// <remarks>
/// Reqnroll takes a parameter type's regular expression only with capturing groups (a `(?:` group makes it fall back to
/// `(.*)`), and hands every group to the transformation: hence the unused trailing parameters. The expressions are
/// <see cref="DurationText.Pattern"/> and <see cref="QuotedList.Pattern"/> with capturing groups (a test checks they agree).
/// </remarks>
[Binding]
public sealed class StepParameterTypes
{
    /// <summary>`{duration}` as Reqnroll reads it: <see cref="DurationText.Pattern"/> with capturing groups.</summary>
    public const string DurationRegex = @"(\d+(\.\d+)?\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|hours?|h|days?|d))";

    /// <summary>`{strings}` and `{devices}` as Reqnroll reads them: <see cref="QuotedList.Pattern"/> with capturing groups.</summary>
    public const string QuotedListRegex = "(\"[^\"]*\"((\\s*,\\s*|\\s*,?\\s+(and|or)\\s+)\"[^\"]*\")*)";

    /// <summary>`{number}`: a quoted phone number or alias.</summary>
    [StepArgumentTransformation("\"([^\"]*)\"", Name = "number")]
    public static DeviceRef Device(string text) => DeviceRef.Parse(text);

    /// <summary>`{duration}`: a number and a unit.</summary>
    [StepArgumentTransformation(DurationRegex, Name = "duration")]
    public static TimeSpan Duration(string text, string fraction, string unit) => DurationText.Parse(text);

    /// <summary>`{strings}`: `"a", "b" and "c"`.</summary>
    [StepArgumentTransformation(QuotedListRegex, Name = "strings")]
    public static IReadOnlyList<string> Strings(string text, string lastSeparatorAndItem, string lastSeparator, string lastWord) => QuotedList.Parse(text);

    /// <summary>`{devices}`: `"7580", "7581" or "Reception"`.</summary>
    [StepArgumentTransformation(QuotedListRegex, Name = "devices")]
    public static IReadOnlyList<DeviceRef> Devices(string text, string lastSeparatorAndItem, string lastSeparator, string lastWord) =>
        QuotedList.Parse(text).Select(DeviceRef.Parse).ToArray();

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
