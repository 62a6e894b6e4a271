using System.Net;
using System.Text;
using System.Text.Json;

namespace Concierge.Server.Tests;

public sealed class ServerApiTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    private const string Attendant = "+4950505807581";

    private HttpClient Http => server.Http;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string? body = null)
    {
        using var response = await Http.PostAsync(path, body is null ? null : Json(body));
        return (response.StatusCode, await ReadJson(response));
    }

    private static async Task<JsonElement> ReadJson(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Live_is_200_without_a_token()
    {
        using var response = await server.Anonymous.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_saying_the_trunk_is_not_registered_and_the_csta_link_not_up()
    {
        using var response = await server.Anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var reasons = (await ReadJson(response)).GetProperty("notReady").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("the trunk is not registered", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("the CSTA link is not up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_the_node_status()
    {
        using var response = await server.Anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("concierge_up 1\n", text, StringComparison.Ordinal);
        Assert.Contains("concierge_trunk_registered 0\n", text, StringComparison.Ordinal);
        Assert.Contains("concierge_csta_link_up 0\n", text, StringComparison.Ordinal);
        Assert.Contains("concierge_channels_in_use{kind=\"processing\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("concierge_live_calls 0\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE concierge_sip_handler_faults_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("concierge_sip_messages_rejected_total 0\n", text, StringComparison.Ordinal);
        Assert.Contains("concierge_call_records_failed_total 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_is_the_node_status_as_json()
    {
        using var response = await Http.GetAsync("/api/status");
        var status = await ReadJson(response);
        Assert.True(status.GetProperty("running").GetBoolean());
        Assert.True(status.GetProperty("active").GetBoolean());
        Assert.False(status.GetProperty("registered").GetBoolean());
        Assert.Equal(0, status.GetProperty("liveCalls").GetInt32());
    }

    [Fact]
    public async Task An_attendant_logs_on_and_is_listed()
    {
        var (status, _) = await Post($"/api/attendants/{Attendant}/logon", """{"available":false}""");
        Assert.Equal(HttpStatusCode.OK, status);
        using var response = await Http.GetAsync("/api/attendants");
        var attendant = (await ReadJson(response)).EnumerateArray().Single(a => a.GetProperty("device").GetString() == Attendant);
        Assert.Equal("Unavailable", attendant.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_command_the_engine_refuses_is_409_with_its_reason()
    {
        var (status, body) = await Post("/api/attendants/+4950505807582/release");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("refused", body.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Picking_a_call_that_is_not_there_is_404_naming_it()
    {
        var (status, body) = await Post($"/api/attendants/{Attendant}/pick", """{"callId":424242}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("callId", body.GetProperty("field").GetString());
        Assert.Contains("424242", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pick", """{"callId":"x"}""", "callId", "x")]
    [InlineData("pick", """{"callId":1.5}""", "callId", "1.5")]
    [InlineData("retrieve", "{}", "callId", null)]
    [InlineData("logon", """{"available":"yes"}""", "available", "yes")]
    [InlineData("transfer", """{"target":"12ab"}""", "target", "12ab")]
    [InlineData("page", """{"target":7}""", "target", "7")]
    [InlineData("transfer", """{"target":"70012"}""", "target", "70012")]
    [InlineData("page", """{"target":"+0123"}""", "target", "+0123")]
    [InlineData("logon", "{not json", "body", null)]
    [InlineData("logon", "[1]", "body", "[1]")]
    [InlineData("logon", """{"available":true,"availible":true}""", "availible", "true")]
    public async Task Bad_input_is_400_naming_the_field_and_the_value(string command, string body, string field, string? value)
    {
        var (status, problem) = await Post($"/api/attendants/{Attendant}/{command}", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.StartsWith(field + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_400_naming_the_body_even_when_chunked()
    {
        var big = "{\"available\":true,\"pad\":\"" + new string('x', 100_000) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/attendants/{Attendant}/logon") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJson(response);
        Assert.Equal("body", problem.GetProperty("field").GetString());
        Assert.Contains("longer than", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_device_is_400_naming_it()
    {
        var (status, problem) = await Post("/api/attendants/+49abc/logoff");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("device", problem.GetProperty("field").GetString());
        Assert.Equal("+49abc", problem.GetProperty("value").GetString());
    }

    [Fact]
    public async Task No_call_is_live_without_a_pbx()
    {
        using var response = await Http.GetAsync("/api/calls");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await ReadJson(response)).EnumerateArray());
    }
}
