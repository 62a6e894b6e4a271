using Concierge.Csta.Messages;
using Concierge.Csta.Server;
using Concierge.Csta.Session;
using Concierge.Csta.Tests.Session;

namespace Concierge.Csta.Tests.Server;

public sealed class ServerPiecesTests
{
    private sealed class CountingHoldHandler : ICstaServiceHandler<HoldCall>
    {
        public int Calls { get; private set; }

        public void Handle(HoldCall request, CstaRequestContext context)
        {
            Calls++;
            context.Respond(new HoldCallResponse());
            context.Respond(CstaErrorResponse.GenericOperation);
        }
    }

    [Fact]
    public void Dispatcher_routes_per_service_answers_once_and_refuses_unknown_services()
    {
        var f = new CstaLinkFixture();
        var handler = new CountingHoldHandler();
        f.Dispatcher.Register(handler);
        f.Session.Start();
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(5)));
        var outcomes = new List<CstaRequestOutcome>();
        f.Session.Send(new HoldCall(new ConnectionId("c1", "3001")), outcomes.Add);
        f.Session.Send(new RetrieveCall(new ConnectionId("c1", "3001")), outcomes.Add);
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, handler.Calls);
        Assert.Equal(new HoldCallResponse(), outcomes[0].Response);
        Assert.Equal(CstaErrorResponse.ServiceNotSupported, outcomes[1].Error);
        Assert.Equal(0, f.Session.Counters.LateAnswers);
    }

    [Fact]
    public void Publisher_sends_to_every_monitor_of_a_device_and_forgets_monitors_of_closed_links()
    {
        var f = new CstaLinkFixture();
        f.Field.Add("3001");
        f.Session.Start();
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(5)));
        var link = f.Server.Links.Single();
        var second = f.Server.Publisher.Start(link, "3001");
        Assert.Equal(2, f.Server.Publisher.CountFor("3001"));
        Assert.Equal(2, f.Server.Publisher.Publish("3001", x => new DoNotDisturbEvent(x, "3001", true)));
        f.Loop.RunFor(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, f.Session.Counters.EventsDelivered);
        Assert.Equal(1, f.Session.Counters.EventsForUnknownMonitors);
        Assert.True(f.Server.Publisher.Stop(link, second));
        Assert.False(f.Server.Publisher.Stop(link, second));

        f.Session.Stop();
        f.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, f.Server.Publisher.Count);
        Assert.Empty(f.Server.Links);
    }

    [Fact]
    public void Switch_drops_a_link_that_went_quiet_and_its_monitors_with_it()
    {
        var f = new CstaLinkFixture(serverIdleTimeout: TimeSpan.FromSeconds(25));
        f.Field.Add("3001");
        f.Session.Start();
        Assert.True(f.RunUntilReady(TimeSpan.FromSeconds(5)));
        f.Loop.RunFor(TimeSpan.FromMinutes(2));
        Assert.Single(f.Server.Links);

        f.Network.Cut("concierge", "pabx");
        f.Session.Stop();
        f.Loop.RunFor(TimeSpan.FromSeconds(10));
        Assert.Single(f.Server.Links);
        Assert.Equal(1, f.Server.Publisher.Count);
        f.Loop.RunFor(TimeSpan.FromSeconds(30));
        Assert.Empty(f.Server.Links);
        Assert.Equal(0, f.Server.Publisher.Count);
    }
}
