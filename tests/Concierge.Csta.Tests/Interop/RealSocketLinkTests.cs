using System.Net;
using Concierge.Csta.Devices;
using Concierge.Csta.Messages;
using Concierge.Csta.Server;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports.Sockets;

namespace Concierge.Csta.Tests.Interop;

public sealed class RealSocketLinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static async Task<bool> WaitFor(RealEventLoop loop, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await loop.InvokeAsync(condition)) return true;
            await Task.Delay(20);
        }
        return false;
    }

    [Fact]
    public async Task Session_and_server_talk_over_loopback_tcp_on_a_real_loop()
    {
        using var loop = new RealEventLoop("csta-test");
        var stack = new SocketNetworkStack(loop, IPAddress.Loopback);
        var server = await loop.InvokeAsync(() => new CstaServerListener(stack, 0, new CstaRequestDispatcher()));
        var field = new BusyLampField();
        var session = await loop.InvokeAsync(() =>
        {
            var s = new CstaClientSession(loop, stack, new CstaClientOptions(server.LocalEndPoint));
            field.Attach(s);
            field.Add("3001");
            field.Add("3002");
            s.Start();
            return s;
        });

        Assert.True(await WaitFor(loop, () => session.State == CstaLinkState.Ready && session.Monitors.All(m => m.Status == MonitorStatus.Active)));
        await loop.InvokeAsync(() => server.Publisher.Publish("3002", x => new EstablishedEvent(x, new ConnectionId("c1", "3002"),
            EventDevice.Of("3002"), EventDevice.Of("3001"), EventDevice.Of("3002"), null, LocalConnectionState.Connected, EventCause.NewCall)));
        Assert.True(await WaitFor(loop, () => field.StateOf("3002")?.Lamp == LampState.Busy));

        await loop.InvokeAsync(() => { server.CloseAll("test closes the switch side"); return 0; });
        Assert.True(await WaitFor(loop, () => session.Counters.LinksReady == 2 && session.Monitors.All(m => m.Status == MonitorStatus.Active)));
        Assert.Equal(2, await loop.InvokeAsync(() => server.Publisher.Count));

        await loop.InvokeAsync(() => { session.Stop(); server.Dispose(); return 0; });
    }
}
