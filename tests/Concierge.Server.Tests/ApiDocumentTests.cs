using System.Net;
using System.Text.Json;

namespace Concierge.Server.Tests;

public sealed class ApiDocumentTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    [Fact]
    public async Task The_openapi_document_describes_the_api_without_a_token()
    {
        using var response = await server.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Concierge attendant API", root.GetProperty("info").GetProperty("title").GetString());
        var paths = root.GetProperty("paths");
        foreach (var path in new[] { "/api/logon", "/api/calls", "/api/attendants", "/api/call-records", "/api/attendants/{device}/pick", "/health/ready" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document");
        var logon = paths.GetProperty("/api/logon").GetProperty("post");
        Assert.True(logon.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(logon.GetProperty("responses").TryGetProperty("429", out _));
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
    }
}
