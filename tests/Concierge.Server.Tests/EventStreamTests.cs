using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Concierge.Server.Tests;

public sealed class EventStreamTests(AbsentPbxServer server) : IClassFixture<AbsentPbxServer>
{
    private const string Device = "+4950505807580";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private async Task<ClientWebSocket> Connect(HttpClient client, string device)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", client.DefaultRequestHeaders.Authorization!.ToString());
        var uri = new UriBuilder(server.Address) { Scheme = "ws", Path = $"/api/attendants/{device}/events" }.Uri;
        using var timeout = new CancellationTokenSource(Bound);
        await socket.ConnectAsync(uri, timeout.Token);
        return socket;
    }

    private static async Task<JsonElement> Receive(ClientWebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        using var timeout = new CancellationTokenSource(Bound);
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_stream_sends_a_snapshot_on_connect_and_a_new_one_when_the_attendant_changes()
    {
        using var socket = await Connect(server.Http, Device);
        var first = await Receive(socket);
        Assert.Equal("snapshot", first.GetProperty("type").GetString());
        Assert.Equal(Device, first.GetProperty("attendant").GetProperty("device").GetString());
        Assert.False(first.GetProperty("trunkRegistered").GetBoolean());
        Assert.Equal(10, first.GetProperty("busyLamps").GetArrayLength()); // the office users of busyLamps, unknown while the CSTA link is down
        var queues = first.GetProperty("callerQueues").EnumerateArray().Select(q => q.GetProperty("pilot").GetString()).ToList();
        Assert.Contains("+4950505803201", queues);
        Assert.DoesNotContain("+4950505803210", queues); // the Hotel tenant's pilot

        using var logon = await server.Http.PostAsync($"/api/attendants/{Device}/logon", new StringContent("""{"available":true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, logon.StatusCode);
        JsonElement next;
        do next = await Receive(socket);
        while (next.GetProperty("attendant").GetProperty("state").GetString() == first.GetProperty("attendant").GetProperty("state").GetString());
        Assert.Equal("Available", next.GetProperty("attendant").GetProperty("state").GetString());

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        using var logoff = await server.Http.PostAsync($"/api/attendants/{Device}/logoff", null);
    }

    [Fact]
    public async Task Another_tenants_device_is_404_and_a_plain_get_is_400()
    {
        using var bob = await server.LogOn("Hotel\\bob");
        using var foreign = await bob.GetAsync($"/api/attendants/{Device}/events");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var plain = await server.Http.GetAsync($"/api/attendants/{Device}/events");
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        using var anonymous = await server.Anonymous.GetAsync($"/api/attendants/{Device}/events");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
