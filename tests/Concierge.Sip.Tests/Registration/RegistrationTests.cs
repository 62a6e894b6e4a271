using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Auth;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;
using Concierge.Sip.Validation;

namespace Concierge.Sip.Tests.Registration;

public class RegistrationTests
{
    private readonly SimulatedEventLoop _loop = new();
    private readonly DeterministicRandom _random = new(21);
    private readonly SimulatedNetwork _network;
    private readonly SimulatedSipResolver _resolver;
    private readonly SipStack _client;
    private readonly Dictionary<string, SipRegistrar> _registrars = new();

    public RegistrationTests()
    {
        _network = new SimulatedNetwork(_loop, _random.Split("net"), null);
        _network.SetAllLinks(new LinkProfile(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(2), LossPercent: 5));
        _resolver = new SimulatedSipResolver(_loop, _random.Split("dns"));
        var cps = _network.AddHost("cps", IPAddress.Parse("192.0.2.1"));
        _client = new SipStack(_loop, cps, new SipStackOptions { Name = "cps" }, _random.Split("cps"));
        AddRegistrar("osv1", "198.51.100.1", priority: 10);
        AddRegistrar("osv2", "198.51.100.2", priority: 20);
    }

    private void AddRegistrar(string name, string address, int priority, SipRegistrarOptions? options = null)
    {
        var host = _network.AddHost(name, IPAddress.Parse(address));
        var stack = new SipStack(_loop, host, new SipStackOptions { Name = name, Validation = SipValidatorOptions.Endpoint with { Role = SipValidatorRole.Registrar } }, _random.Split(name));
        var ua = new SipUserAgent(stack);
        var digest = new SipDigestServer("osv.example.com", user => user == "4711" ? "secret" : null, _random.Split(name + "-digest"));
        var registrar = new SipRegistrar(stack, options, digest);
        ua.HandleRequests(SipMethod.Register, registrar.Handle);
        _registrars[name] = registrar;
        _resolver.AddSrv("osv.example.com", SipTransportProtocol.Udp, new SipSrvRecord(priority, 50, 5060, name + ".example.com"));
        _resolver.AddHost(name + ".example.com", IPAddress.Parse(address));
    }

    private SipRegistrationClient Client(TimeSpan? interval = null, string password = "secret", bool osv = false) =>
        new(_client, new SipRegistrationOptions
        {
            Domain = "osv.example.com",
            AddressOfRecord = SipUri.Parse("sip:4711@osv.example.com"),
            Credentials = new SipCredentials("4711", password),
            Interval = interval ?? TimeSpan.FromSeconds(600),
            OsvProfile = osv,
        }, _resolver, _random.Split("reg"));

    private static readonly SipUri Aor = SipUri.Parse("sip:4711@osv.example.com");

    [Fact]
    public void Registers_with_digest_and_refreshes_before_every_expiry_for_two_hours()
    {
        var client = Client();
        client.Start();
        Assert.True(_loop.RunUntil(() => client.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(10)));
        Assert.Equal("osv1.example.com", client.CurrentServer!.Host);
        Assert.True(_registrars["osv1"].Challenged >= 1);
        var gaps = 0;
        using var probe = _loop.ScheduleEvery(TimeSpan.FromSeconds(10), () => { if (_registrars["osv1"].Lookup(Aor).Count == 0) gaps++; });
        _loop.RunFor(TimeSpan.FromHours(2));
        Assert.Equal(0, gaps);
        Assert.InRange(client.Registrations, 12, 14);
        Assert.Equal(TimeSpan.FromSeconds(600), client.GrantedInterval);
    }

    [Fact]
    public void Fails_over_to_the_next_srv_priority_when_the_first_registrar_is_down()
    {
        _network.Crash("osv1");
        var client = Client();
        var start = _loop.Now;
        client.Start();
        Assert.True(_loop.RunUntil(() => client.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(60)));
        Assert.Equal("osv2.example.com", client.CurrentServer!.Host);
        Assert.Equal(1, client.Failovers);
        Assert.True(_loop.Now - start >= TimeSpan.FromSeconds(32), "timer F had to expire first");
        Assert.Single(_registrars["osv2"].Lookup(Aor));
    }

    [Fact]
    public void Refresh_that_times_out_moves_the_registration_to_the_backup()
    {
        var client = Client();
        client.Start();
        Assert.True(_loop.RunUntil(() => client.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(10)));
        _network.Crash("osv1");
        Assert.True(_loop.RunUntil(() => client.CurrentServer?.Host == "osv2.example.com" && client.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(700)));
        Assert.NotNull(client.ExpiresAt);
    }

    [Fact]
    public void Unregisters_on_stop_and_the_binding_disappears()
    {
        var client = Client();
        var unregistered = false;
        client.Unregistered += () => unregistered = true;
        client.Start();
        Assert.True(_loop.RunUntil(() => client.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(10)));
        Assert.Single(_registrars["osv1"].Lookup(Aor));
        client.Stop();
        Assert.True(_loop.RunUntil(() => unregistered, TimeSpan.FromSeconds(10)));
        Assert.Empty(_registrars["osv1"].Lookup(Aor));
        Assert.Equal(SipRegistrationState.Idle, client.State);
    }

    [Fact]
    public void Osv_profile_refuses_intervals_below_300_seconds()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Client(TimeSpan.FromSeconds(120), osv: true));
        Assert.Contains("300", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(300), Client(TimeSpan.FromSeconds(300), osv: true).Options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(120), Client(TimeSpan.FromSeconds(120)).Options.Interval);
    }

    [Fact]
    public void Interval_too_brief_is_raised_to_the_registrars_Min_Expires()
    {
        _registrars.Clear();
        var client = new SipRegistrationClient(_client, new SipRegistrationOptions
        {
            Domain = "osv.example.com",
            AddressOfRecord = Aor,
            Credentials = new SipCredentials("4711", "secret"),
            Interval = TimeSpan.FromSeconds(30),
        }, _resolver, _random.Split("reg2"));
        client.Start();
        Assert.True(_loop.RunUntil(() => client.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(60), client.GrantedInterval);
    }

    [Fact]
    public void Wrong_password_fails_every_server_and_retries_later()
    {
        var client = Client(password: "wrong");
        var failures = new List<int>();
        client.RegistrationFailed += failures.Add;
        client.Start();
        Assert.True(_loop.RunUntil(() => failures.Count == 1, TimeSpan.FromSeconds(20)));
        Assert.Equal(401, failures[0]);
        Assert.Equal(SipRegistrationState.Failed, client.State);
        Assert.True(_loop.RunUntil(() => failures.Count == 2, TimeSpan.FromSeconds(60)));
        Assert.True(_resolver.Lookups >= 2);
    }

    [Fact]
    public void Bindings_expire_at_the_registrar_when_the_client_goes_silent()
    {
        var client = Client(TimeSpan.FromSeconds(300));
        var changes = new List<string>();
        _registrars["osv1"].BindingsChanged += changes.Add;
        client.Start();
        Assert.True(_loop.RunUntil(() => client.State == SipRegistrationState.Registered, TimeSpan.FromSeconds(10)));
        _network.Crash("cps");
        _loop.RunFor(TimeSpan.FromSeconds(301));
        Assert.Empty(_registrars["osv1"].Lookup(Aor));
        Assert.Equal(2, changes.Count);
    }
}
