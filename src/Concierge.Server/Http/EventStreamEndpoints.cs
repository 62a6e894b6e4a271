using System.Net.WebSockets;
using System.Text.Json;
using Concierge.Server.Accounts;
using Concierge.Server.Hosting;
using Concierge.Server.Pbx;

namespace Concierge.Server.Http;

/// <summary>
/// <c>GET /api/attendants/{device}/events</c> as a WebSocket: the desk's <see cref="DeskSnapshot"/> as a JSON text
/// message on connect (and so on every reconnect), then again whenever it changes — a change the engine reports
/// (queues, offers, processing queue, channel alert) at once, trunk and link state within a second. Each message is
/// the whole state, so a slow client that misses one loses nothing: a stream never queues more than one message. The
/// token comes in the Authorization header or, for browsers, as <c>?access_token=</c>.
/// </summary>
public static class EventStreamEndpoints
{
    /// <summary>How often state the engine does not report (trunk, link, waiting times) is compared.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Connected streams at most; more are refused with 503.</summary>
    public const int MaxStreams = 1000;

    private static int _streams;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Maps the event stream.</summary>
    public static void MapEventStreams(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/attendants/{device}/events", (string device, HttpContext context, NodeHost host, ServerTopology topology, TimeProvider time, IHostApplicationLifetime lifetime) => Problems.Guard(async () =>
        {
            var account = TokenAuthentication.AccountOf(context);
            var number = Numbers.Parse("device", device);
            if (!TenantScope.MayUseDevice(account, host.Configuration, number))
                return Problems.NotFound("device", device, $"is not an attendant device of tenant {account.Name.Tenant}");
            if (!context.WebSockets.IsWebSocketRequest)
                return Results.Problem(detail: "this is a WebSocket end point: connect with an Upgrade: websocket request",
                    statusCode: StatusCodes.Status400BadRequest, title: "not a WebSocket request");
            if (Interlocked.Increment(ref _streams) > MaxStreams)
            {
                Interlocked.Decrement(ref _streams);
                return Results.Problem(detail: $"{MaxStreams} event streams are connected already", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            try
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
                // A stopping server closes its streams at once instead of waiting for the clients to leave.
                using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
                await Stream(socket, host, time, () => host.Reads.ReadAsync(node =>
                    DeskSnapshot.Of(node, number, account, host.Configuration, host.Time.GetUtcNow())), ending.Token).ConfigureAwait(false);
                return Results.Empty;
            }
            finally
            {
                Interlocked.Decrement(ref _streams);
            }
        })).WithName("attendant-events").WithSummary("WebSocket: the desk's snapshot on connect and on every change");

    private static async Task Stream(WebSocket socket, NodeHost host, TimeProvider time, Func<Task<DeskSnapshot?>> snapshot, CancellationToken aborted)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = Drain(socket, closing);
        string? last = null;
        try
        {
            while (!closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var next = host.Changes.Next;
                var current = await snapshot().ConfigureAwait(false);
                var text = current is null ? """{"type":"down"}""" : JsonSerializer.Serialize(current with { At = default }, Json);
                if (text != last)
                {
                    var message = current is null ? text : JsonSerializer.Serialize(current, Json);
                    await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, closing.Token).ConfigureAwait(false);
                    last = text;
                }
                await Task.WhenAny(next, Task.Delay(PollInterval, time, closing.Token)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the client went away or the server stops
        }
        await closing.CancelAsync().ConfigureAwait(false);
        await receiving.ConfigureAwait(false);
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // already gone
            }
        }
    }

    /// <summary>Reads and drops what the client sends (the stream is one-way) until it closes.</summary>
    private static async Task Drain(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closing.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // closing
        }
        await closing.CancelAsync().ConfigureAwait(false);
    }
}
