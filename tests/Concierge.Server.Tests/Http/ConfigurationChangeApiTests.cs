using System.Net;
using System.Text;
using System.Text.Json;
using Concierge.Config.Topology;
using Concierge.Runtime.Collections;

namespace Concierge.Server.Tests.Http;

/// <summary>
/// Configuration changes through <c>PUT /api/configuration</c>: a manager edits what <c>GET</c> gave it and sends it
/// back; the change is checked as an import is, names the field and the value when refused, changes nothing then, and
/// never reaches another tenant. The class has its own server (two tenants: DEFAULT with the manager DEFAULT\mia, Hotel).
/// </summary>
public sealed class ConfigurationChangeApiTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<(string Mine, string All)> Snapshot()
    {
        using var mia = await server.LogOn("DEFAULT\\mia");
        using var admin = await server.LogOn("DEFAULT\\admin");
        return (await mia.GetStringAsync("/api/configuration"), await admin.GetStringAsync("/api/configuration"));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Put(string account, string yaml)
    {
        using var client = await server.LogOn(account);
        using var response = await client.PutAsync("/api/configuration", Yaml(yaml));
        return (response.StatusCode, await Json(response));
    }

    [Fact]
    public async Task A_manager_changes_its_tenant_and_the_running_and_stored_configuration_follow()
    {
        var (mine, all) = await Snapshot();
        var changed = mine.Replace("\"name\": \"Internal\"", "\"name\": \"Internal desk\"", StringComparison.Ordinal)
            .Replace("\"rnaTimeout\": \"15 seconds\"", "\"rnaTimeout\": \"20 seconds\"", StringComparison.Ordinal);
        Assert.NotEqual(mine, changed);

        var (status, body) = await Put("DEFAULT\\mia", changed);

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("ok", body.GetProperty("result").GetString());
        var (mineAfter, allAfter) = await Snapshot();
        Assert.Contains("\"name\": \"Internal desk\"", mineAfter, StringComparison.Ordinal);
        var stored = server.Store.LoadConfiguration()!;
        Assert.Equal("Internal desk", stored.DdiEntries.Single(e => e.Pilot.ToString() == "+4950505803202").Name);
        Assert.Equal(TimeSpan.FromSeconds(20), stored.Tenants.Single(t => t.Name == "DEFAULT").Times.RnaTimeout);
        Assert.Equal(Hotel(all), Hotel(allAfter)); // the other tenant is as it was
        Assert.StartsWith("PUT /api/configuration by DEFAULT\\mia", server.Store.ConfigurationSource()!.Value.Source, StringComparison.Ordinal);

        var (back, _) = await Put("DEFAULT\\mia", mine); // and back, for the other tests
        Assert.Equal(HttpStatusCode.OK, back);
    }

    [Theory]
    [InlineData("\"rnaTimeout\": \"15 seconds\"", "\"rnaTimeout\": \"soon\"", "concierge.tenants.DEFAULT.times.rnaTimeout", "soon")]
    [InlineData("\"action\": \"busy\"\n    \"+4950505803202\"", "\"action\": \"maybe\"\n    \"+4950505803202\"", "concierge.ddiEntries[\"+4950505803201\"].overload.action", "maybe")]
    [InlineData("\"timeOverflowVariant\": \"Night Variant internal\"", "\"timeOverflowVariant\": \"No such variant\"", "concierge.ddiEntries[\"+4950505803201\"].timeOverflowVariant", "No such variant")]
    [InlineData("\"personalLine\": \"+4950505803221\"", "\"personalLine\": \"+4950505803220\"", "concierge.attendants", "+4950505803220")]
    public async Task A_change_against_the_import_rules_is_400_naming_the_field_and_the_value_and_changes_nothing(string from, string to, string field, string value)
    {
        var (mine, all) = await Snapshot();
        var stored = server.Store.LoadConfiguration();
        var bad = mine.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(mine, bad);

        var (status, body) = await Put("DEFAULT\\mia", bad);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid configuration", body.GetProperty("title").GetString());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Any(e => e.GetProperty("field").GetString()!.StartsWith(field, StringComparison.Ordinal) && e.GetProperty("value").GetString() == value), body.ToString());
        Assert.Equal((mine, all), await Snapshot());
        Assert.Equal(stored, server.Store.LoadConfiguration());

        // The same text imported as a file is refused with the same problems.
        var imported = new TopologyLoader(name => name == "import" ? ImportFile(all, bad) : null).Load("import");
        Assert.True(imported.Errors.Any(e => e.Path.StartsWith(field, StringComparison.Ordinal) && e.Value == value), string.Join("\n", imported.Errors));
    }

    [Fact]
    public async Task A_manager_may_not_touch_settings_of_the_whole_CPS()
    {
        var (mine, all) = await Snapshot();
        var (status, body) = await Put("DEFAULT\\mia", mine.Replace("\"concierge\":\n", "\"concierge\":\n  \"cps\":\n    \"channels\": \"5\"\n", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("concierge.cps", body.GetProperty("field").GetString());
        Assert.Equal((mine, all), await Snapshot());
    }

    [Fact]
    public async Task A_manager_may_not_give_an_entry_to_another_tenant_nor_take_another_tenants_number()
    {
        var (mine, all) = await Snapshot();
        var foreign = mine.Replace("\"tenant\": \"DEFAULT\"\n      \"name\": \"Internal\"", "\"tenant\": \"Hotel\"\n      \"name\": \"Internal\"", StringComparison.Ordinal);
        Assert.NotEqual(mine, foreign);
        var (status, body) = await Put("DEFAULT\\mia", foreign);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("concierge.ddiEntries[\"+4950505803202\"].tenant", body.GetProperty("field").GetString());
        Assert.Equal("Hotel", body.GetProperty("value").GetString());

        var taken = mine.Replace("\"+4950505803209\":", "\"+4950505803210\":", StringComparison.Ordinal); // Hotel's pilot
        (status, body) = await Put("DEFAULT\\mia", taken);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("concierge.ddiEntries[\"+4950505803210\"]", body.GetProperty("field").GetString());
        Assert.DoesNotContain("Hotel", body.ToString(), StringComparison.Ordinal);

        var otherTenant = mine.Replace("    \"DEFAULT\":\n      \"routingType\"", "    \"Hotel\":\n      \"routingType\"", StringComparison.Ordinal);
        (status, _) = await Put("DEFAULT\\mia", otherTenant);
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Conflict, status.ToString());
        Assert.Equal((mine, all), await Snapshot());
    }

    [Fact]
    public async Task Unreadable_input_is_400_and_only_managers_and_administrators_may_change()
    {
        var (mine, all) = await Snapshot();
        var (status, body) = await Put("DEFAULT\\mia", "concierge: [unclosed");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid YAML", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("errors")[0].GetProperty("line").GetInt32() >= 1); // the line of the text as sent

        (status, body) = await Put("DEFAULT\\mia", "tenants: {}\n");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("tenants", body.GetProperty("field").GetString());

        using var mia = await server.LogOn("DEFAULT\\mia");
        using var json = await mia.PutAsync("/api/configuration", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("Content-Type", (await Json(json)).GetProperty("field").GetString());

        (status, _) = await Put("DEFAULT\\alice", mine);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        using var anonymous = await server.Anonymous.PutAsync("/api/configuration", Yaml(mine));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal((mine, all), await Snapshot());
    }

    [Fact]
    public async Task An_administrator_replaces_the_whole_section()
    {
        var (_, all) = await Snapshot();
        var changed = all.Replace("\"name\": \"Hotel\"", "\"name\": \"Hotel reception\"", StringComparison.Ordinal);
        Assert.NotEqual(all, changed);
        var (status, body) = await Put("DEFAULT\\admin", changed);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Hotel reception", server.Store.LoadConfiguration()!.DdiEntries.Single(e => e.Tenant == "Hotel").Name);
        var (back, _) = await Put("DEFAULT\\admin", all);
        Assert.Equal(HttpStatusCode.OK, back);
    }

    /// <summary>The Hotel tenant's parts of the administrator's view.</summary>
    private static string Hotel(string all)
    {
        var config = new TopologyLoader(name => name == "x" ? all : null).Load("x").Concierge!;
        return TopologyYamlWriter.Write(Concierge.Server.Http.ConfigurationEndpoints.OfTenant(config, "Hotel"));
    }

    /// <summary>A topology file as an import reads it: the whole configuration with DEFAULT's parts as the manager sent them.</summary>
    private static string ImportFile(string all, string managerSection)
    {
        var loaded = new TopologyLoader(name => name == "x" ? all : null).Load("x").Concierge!;
        var withoutDefault = loaded with
        {
            Tenants = loaded.Tenants.Where(t => t.Name != "DEFAULT").ToValueList(),
            DdiEntries = loaded.DdiEntries.Where(e => e.Tenant != "DEFAULT").ToValueList(),
            NightVariants = loaded.NightVariants.Where(v => v.Tenant != "DEFAULT").ToValueList(),
            Announcements = loaded.Announcements.Where(a => a.Tenant != "DEFAULT").ToValueList(),
            Attendants = loaded.Attendants.Where(a => loaded.TenantOf(a) != "DEFAULT").ToValueList(),
        };
        // The manager's text is merged over the rest as a derived file's keys join the inherited ones.
        return MergeText(withoutDefault, managerSection);
    }

    private static string MergeText(Concierge.Config.Model.ConciergeConfig rest, string managerSection)
    {
        var problems = new Concierge.Config.Validation.ProblemList();
        var posted = TopologyFileReader.Read(managerSection, "request.yaml", problems)!;
        var restSection = ConciergeSectionWriter.Section(rest);
        var merged = TopologyMerge.Merge(new TopologyMapping([new TopologyEntry("concierge", restSection.Source, restSection)], restSection.Source), posted);
        return TopologyYamlWriter.Write(merged);
    }
}
