namespace Concierge.Scenarios.Settings;

/// <summary>One row of a `| setting | value |` table.</summary>
public sealed record SettingRow(string Setting, string Value);
