using System.Net;
using System.Text.Json;

namespace Concierge.Server.Tests;

/// <summary>Busy lamps, the phone book and statistics in the attendant API.</summary>
public sealed class DeskInformationTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    [Fact]
    public async Task The_busy_lamps_of_the_configured_office_users_are_listed_unknown_while_the_csta_link_is_down()
    {
        var (status, field) = await Get(server.Http, "/api/busy-lamps");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(field.GetProperty("available").GetBoolean());
        var lamps = field.GetProperty("lamps").EnumerateArray().ToList();
        Assert.Equal(10, lamps.Count);
        Assert.All(lamps, l => Assert.Equal("unknown", l.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_directory_search_needs_a_query_and_an_empty_directory_finds_nothing()
    {
        var (missing, problem) = await Get(server.Http, "/api/directory");
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("q", problem.GetProperty("field").GetString());
        var (found, entries) = await Get(server.Http, "/api/directory?q=Ada");
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Empty(entries.EnumerateArray());
    }

    [Fact]
    public async Task Statistics_come_from_the_stored_records_and_bad_parameters_are_named()
    {
        var (status, statistics) = await Get(server.Http, "/api/statistics?serviceLevelSeconds=30");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(30, statistics.GetProperty("all").GetProperty("serviceLevelTime").GetString() is { } text ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture).TotalSeconds : -1);
        var (bad, problem) = await Get(server.Http, "/api/statistics?serviceLevelSeconds=soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("serviceLevelSeconds", problem.GetProperty("field").GetString());
        Assert.Equal("soon", problem.GetProperty("value").GetString());
        using var anonymous = await server.Anonymous.GetAsync("/api/statistics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
