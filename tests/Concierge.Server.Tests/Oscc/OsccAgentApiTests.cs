using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Concierge.Server.Tests.Oscc;

/// <summary>The OSCC agents import of user administration (C 8.11) through the API, on the shared server.</summary>
public sealed class OsccAgentApiTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static List<string> Strings(JsonElement list) => list.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task A_user_may_not_see_or_import_OSCC_agents()
    {
        using var list = await server.Http.GetAsync("/api/oscc/agents");
        using var import = await server.Http.PostAsJsonAsync("/api/accounts/oscc-import", new { users = new[] { "dora" } });
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, import.StatusCode));
    }

    [Fact]
    public async Task Selected_agents_become_user_accounts_without_a_password_until_a_manager_sets_one()
    {
        using var manager = await server.LogOn("DEFAULT\\mia");
        var agents = await Json(await manager.GetAsync("/api/oscc/agents"));
        Assert.Equal(["anna.s", "ben.k", "carl", "dora"], agents.EnumerateArray().Select(a => a.GetProperty("user").GetString()!).ToList());
        Assert.Equal("Switchboard", agents[1].GetProperty("businessUnit").GetString());
        Assert.Equal("König", agents[1].GetProperty("lastName").GetString());

        using var first = await manager.PostAsJsonAsync("/api/accounts/oscc-import", new { users = new[] { "anna.s", "ben.k" } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["DEFAULT\\anna.s", "DEFAULT\\ben.k"], Strings((await Json(first)).GetProperty("imported")));
        using var again = await manager.PostAsJsonAsync("/api/accounts/oscc-import", new { users = new[] { "ben.k" } });
        var repeated = await Json(again);
        Assert.Empty(Strings(repeated.GetProperty("imported")));
        Assert.Equal(["DEFAULT\\ben.k"], Strings(repeated.GetProperty("unchanged")));
        var listed = await Json(await manager.GetAsync("/api/oscc/agents"));
        Assert.True(listed[0].GetProperty("imported").GetBoolean());

        using var withoutPassword = await server.Anonymous.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\anna.s", password = "" });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutPassword.StatusCode);
        using var set = await manager.PostAsJsonAsync("/api/accounts/password", new { account = "DEFAULT\\anna.s", password = AbsentPbxServer.Password });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var anna = await server.LogOn("DEFAULT\\anna.s");
        Assert.Equal("user", (await Json(await anna.GetAsync("/api/account"))).GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_selection_naming_an_unknown_user_is_400_and_imports_nothing()
    {
        using var manager = await server.LogOn("DEFAULT\\mia");
        using var response = await manager.PostAsJsonAsync("/api/accounts/oscc-import", new { users = new[] { "carl", "nobody" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("users", problem.GetProperty("field").GetString());
        Assert.Contains("\"nobody\" is not a user of the OSCC agent export", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var carl = (await Json(await manager.GetAsync("/api/oscc/agents"))).EnumerateArray().Single(a => a.GetProperty("user").GetString() == "carl");
        Assert.False(carl.GetProperty("imported").GetBoolean());
    }

    [Fact]
    public async Task Another_tenants_manager_sees_its_own_accounts_and_cannot_set_our_passwords()
    {
        using var mia = await server.LogOn("DEFAULT\\mia");
        using var imported = await mia.PostAsJsonAsync("/api/accounts/oscc-import", new { users = new[] { "dora" } });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using var hana = await server.LogOn("Hotel\\hana");
        var dora = (await Json(await hana.GetAsync("/api/oscc/agents"))).EnumerateArray().Single(a => a.GetProperty("user").GetString() == "dora");
        Assert.False(dora.GetProperty("imported").GetBoolean());
        using var set = await hana.PostAsJsonAsync("/api/accounts/password", new { account = "DEFAULT\\dora", password = AbsentPbxServer.Password });
        Assert.Equal(HttpStatusCode.NotFound, set.StatusCode);
        using var manager = await hana.PostAsJsonAsync("/api/accounts/password", new { account = "DEFAULT\\mia", password = AbsentPbxServer.Password });
        Assert.Equal(HttpStatusCode.NotFound, manager.StatusCode);
    }

    [Fact]
    public async Task A_short_password_is_400_naming_the_password_and_changes_nothing()
    {
        using var mia = await server.LogOn("DEFAULT\\mia");
        using var response = await mia.PostAsJsonAsync("/api/accounts/password", new { account = "DEFAULT\\alice", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("password", (await Json(response)).GetProperty("field").GetString());
        using var alice = await server.LogOn("DEFAULT\\alice");
    }
}
