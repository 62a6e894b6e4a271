using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concierge.Store.CallRecords;

namespace Concierge.Server.Tests.Accounts;

public sealed class AccountApiTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("GET", "/api/status")]
    [InlineData("GET", "/api/calls")]
    [InlineData("GET", "/api/attendants")]
    [InlineData("GET", "/api/call-records")]
    [InlineData("POST", "/api/attendants/+4950505807581/logoff")]
    [InlineData("POST", "/api/logoff")]
    public async Task Every_api_route_but_logon_needs_a_token(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await server.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("POST /api/logon", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_made_up_token_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "made-up");
        using var response = await server.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unknown, expired or revoked", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_401()
    {
        using var wrong = await server.Anonymous.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\alice", password = "not the password" });
        using var unknown = await server.Anonymous.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\nobody", password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((await Json(wrong)).GetProperty("detail").GetString(), (await Json(unknown)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"account":"DEFAULT\\alice"}""", "password", null)]
    [InlineData("""{"account":"alice","password":"correct horse battery"}""", "account", "alice")]
    [InlineData("""{"account":"DEFAULT\\alice","password":1}""", "password", "1")]
    [InlineData("""{"account":"DEFAULT\\alice","password":"x","remember":true}""", "remember", "true")]
    public async Task Unreadable_logons_are_400_naming_the_field(string body, string field, string? value)
    {
        using var response = await server.Anonymous.PostAsync("/api/logon", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_logon_gives_a_token_that_names_the_account_and_a_logoff_revokes_it()
    {
        using var client = await server.LogOn("DEFAULT\\mia");
        var account = await Json(await client.GetAsync("/api/account"));
        Assert.Equal(("DEFAULT\\mia", "DEFAULT", "manager"),
            (account.GetProperty("account").GetString(), account.GetProperty("tenant").GetString(), account.GetProperty("role").GetString()));

        using var logoff = await client.PostAsync("/api/logoff", null);
        Assert.Equal(HttpStatusCode.OK, logoff.StatusCode);
        using var after = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task An_account_sees_only_the_attendants_of_its_tenant_and_an_administrator_sees_all()
    {
        using var bob = await server.LogOn("Hotel\\bob");
        using var admin = await server.LogOn("DEFAULT\\admin");
        static async Task<string[]> Devices(HttpClient client) =>
            (await Json(await client.GetAsync("/api/attendants"))).EnumerateArray().Select(a => a.GetProperty("device").GetString()!).Order().ToArray();

        Assert.Equal(["+4950505807583"], await Devices(bob));
        Assert.Equal(["+4950505807580", "+4950505807581", "+4950505807582"], await Devices(server.Http));
        Assert.Equal(4, (await Devices(admin)).Length);
    }

    [Theory]
    [InlineData("Hotel\\bob", "+4950505807581")]
    [InlineData("DEFAULT\\alice", "+4950505807583")]
    public async Task A_command_for_another_tenants_attendant_is_404_and_changes_nothing(string account, string device)
    {
        using var client = await server.LogOn(account);
        using var response = await client.PostAsync($"/api/attendants/{device}/logon",
            new StringContent("""{"available":true}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("device", (await Json(response)).GetProperty("field").GetString());
        using var admin = await server.LogOn("DEFAULT\\admin");
        var attendant = (await Json(await admin.GetAsync("/api/attendants"))).EnumerateArray().Single(a => a.GetProperty("device").GetString() == device);
        Assert.Equal("LoggedOff", attendant.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_manager_reads_its_tenants_configuration_and_an_administrator_all_of_it()
    {
        using var mia = await server.LogOn("DEFAULT\\mia");
        using var admin = await server.LogOn("DEFAULT\\admin");
        using var forUser = await server.Http.GetAsync("/api/configuration");
        Assert.Equal(HttpStatusCode.Forbidden, forUser.StatusCode);

        var own = await mia.GetStringAsync("/api/configuration");
        Assert.Contains("\"DEFAULT\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Hotel", own, StringComparison.Ordinal);
        Assert.DoesNotContain("\"+4950505807583\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("registrarHost", own, StringComparison.Ordinal);

        var all = await admin.GetStringAsync("/api/configuration");
        var readBack = new Concierge.Config.Topology.TopologyLoader(name => name == "x" ? all : null).Load("x");
        Assert.Empty(readBack.Errors);
        Assert.Equal(2, readBack.Concierge!.Tenants.Count);
    }

    [Fact]
    public async Task Call_records_are_for_managers_of_their_tenant_and_administrators_of_all()
    {
        var ended = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        server.Store.AddCallRecord(new StoredCallRecord(0, "cps", 1, "DEFAULT", "+493011100001", "+4950505803201", ended.AddSeconds(-20), null, null, ended, "abandoned", ["x"]));
        server.Store.AddCallRecord(new StoredCallRecord(0, "cps", 2, "Hotel", "+493011100002", "+4950505803210", ended.AddSeconds(-20), null, null, ended, "busy", ["y"]));
        using var mia = await server.LogOn("DEFAULT\\mia");
        using var admin = await server.LogOn("DEFAULT\\admin");

        using var forUser = await server.Http.GetAsync("/api/call-records");
        Assert.Equal(HttpStatusCode.Forbidden, forUser.StatusCode);
        var tenants = (await Json(await mia.GetAsync("/api/call-records?since=2026-12-02T08:00:00Z"))).EnumerateArray().Select(r => r.GetProperty("tenant").GetString()).Distinct();
        Assert.Equal(["DEFAULT"], tenants);
        var all = (await Json(await admin.GetAsync("/api/call-records?since=2026-12-02T08:00:00Z"))).EnumerateArray().Select(r => r.GetProperty("tenant").GetString()).Distinct().Order();
        Assert.Equal(["DEFAULT", "Hotel"], all);
        using var bad = await mia.GetAsync("/api/call-records?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("since", (await Json(bad)).GetProperty("field").GetString());
    }
}
