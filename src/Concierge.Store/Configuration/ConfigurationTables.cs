namespace Concierge.Store.Configuration;

/// <summary>The configuration's tables (migrations V1_0 and V1_3), in the order a replacement deletes them.</summary>
internal static class ConfigurationTables
{
    public static readonly string[] All =
        ["system_settings", "cps_settings", "number_ranges", "tenants", "announcements", "night_variants", "ddi_entries", "attendants", "standby", "pabx_routing", "configuration_source"];
}
