using System.Net;
using System.Text.Json;
using Concierge.Server.Hosting;
using Concierge.Server.Options;

namespace Concierge.Server.Tests.Http;

/// <summary>
/// The web attendant console's static files at <c>/</c> (no token needed, no-cache and a content security policy),
/// the attendant view's alias and personal line for the place chooser, the snapshot's current call, and the
/// <c>--directory</c> option's checks.
/// </summary>
public sealed class ConsoleFilesTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    [Fact]
    public async Task The_console_is_served_at_the_root_with_no_cache_and_a_content_security_policy()
    {
        using var index = await server.Anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Concierge attendant console</title>", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var script = await server.Anonymous.GetAsync("/js/app.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var missing = await server.Anonymous.GetAsync("/js/nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Attendants_carry_alias_and_personal_line_and_the_snapshot_names_the_current_call()
    {
        using var answer = await server.Http.GetAsync("/api/attendants");
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var place = body.RootElement.EnumerateArray().Single(a => a.GetProperty("device").GetString() == "+4950505807581");
        Assert.Equal("7581", place.GetProperty("alias").GetString());
        Assert.Equal("+4950505803221", place.GetProperty("personalLine").GetString());

        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", server.Http.DefaultRequestHeaders.Authorization!.ToString());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new UriBuilder(server.Address) { Scheme = "ws", Path = "/api/attendants/+4950505807581/events" }.Uri, timeout.Token);
        var buffer = new byte[256 * 1024];
        var length = 0;
        System.Net.WebSockets.ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += received.Count;
        }
        while (!received.EndOfMessage);
        using var snapshot = JsonDocument.Parse(buffer.AsMemory(0, length));
        Assert.Equal(JsonValueKind.Null, snapshot.RootElement.GetProperty("currentCall").ValueKind);
        Assert.Equal("7581", snapshot.RootElement.GetProperty("attendant").GetProperty("alias").GetString());
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public void A_directory_file_that_is_missing_or_has_a_bad_line_is_refused_naming_the_option_the_line_and_the_value()
    {
        using var files = new TestServerFiles();
        var missing = Assert.Throws<OptionException>(() => files.Options("--directory", "no-such.csv"));
        Assert.StartsWith("--directory: \"no-such.csv\" is not a file", missing.Message, StringComparison.Ordinal);

        var bad = Path.Combine(files.Directory, "bad.csv");
        File.WriteAllText(bad, "name,numbers,department,location,email\nAnna,+4950505807001,,,\nBernd,0815,,,\n");
        var options = files.Options("--directory", bad);
        Assert.Equal(bad, options.DirectoryFile);
        var refused = Assert.Throws<OptionException>(() => DirectoryFile.Check(options.DirectoryFile));
        Assert.Contains("line 3: numbers: \"0815\"", refused.Message, StringComparison.Ordinal);
    }
}
