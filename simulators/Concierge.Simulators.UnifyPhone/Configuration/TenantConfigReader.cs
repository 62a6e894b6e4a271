using Concierge.Config.Topology;

namespace Concierge.Simulators.UnifyPhone.Configuration;

/// <summary>Reads the `unifyPhone:` section of a topology; every error names file, line, field path and value.</summary>
public static class TenantConfigReader
{
    private static readonly string[] JwtStatuses = ["Not set", "Active", "Invalid token", "Expiring", "Expired"];

    /// <summary>The tenant of <paramref name="document"/>, or null with the errors.</summary>
    public static TenantConfig? Read(TopologyDocument document, out IReadOnlyList<string> errors)
    {
        var fields = new SectionFields();
        var section = document.Section("unifyPhone");
        if (section is null)
        {
            errors = ["the topology has no unifyPhone: section"];
            return null;
        }
        const string p = "unifyPhone";
        var host = fields.Text(section, "host", p, required: true) ?? "";
        TenantConfig? config = null;
        if (section.Mapping("tenant") is not { } tenant)
            fields.Error(section, p + ".tenant", "is missing");
        else
        {
            const string t = p + ".tenant";
            fields.KnownKeys(tenant, t, "name", "domain", "apiKey", "telephonyConnector", "jwt");
            var connector = tenant.Mapping("telephonyConnector");
            var jwt = tenant.Mapping("jwt");
            var status = jwt is null ? "Not set" : fields.Text(jwt, "status", t + ".jwt", required: true) ?? "Not set";
            if (!JwtStatuses.Contains(status, StringComparer.Ordinal))
                fields.Error(jwt, t + ".jwt.status", $"'{status}' is not a JWT status ({string.Join(" | ", JwtStatuses)})");
            var users = new List<TenantUserConfig>();
            foreach (var (email, user, path) in fields.MappingEntries(section, "users", p))
            {
                fields.KnownKeys(user, path, "firstName", "lastName", "locale");
                users.Add(new TenantUserConfig(email, fields.Text(user, "firstName", path, required: true) ?? "", fields.Text(user, "lastName", path, required: true) ?? "",
                    fields.Text(user, "locale", path) ?? "en-US"));
            }
            config = new TenantConfig(host,
                fields.Text(tenant, "name", t) ?? "tenant",
                fields.Text(tenant, "domain", t) ?? "phoneapp.unify.com",
                fields.Text(tenant, "apiKey", t, required: true) ?? "",
                connector is null ? "gtc-001" : fields.Text(connector, "name", t + ".telephonyConnector") ?? "gtc-001",
                connector is null ? "OSBIZ" : fields.Text(connector, "type", t + ".telephonyConnector") ?? "OSBIZ",
                status,
                jwt is null ? TimeSpan.Zero : fields.Duration(jwt, "expiresIn", t + ".jwt", TimeSpan.FromDays(365)),
                users);
        }
        errors = fields.Errors;
        return errors.Count == 0 ? config : null;
    }
}
