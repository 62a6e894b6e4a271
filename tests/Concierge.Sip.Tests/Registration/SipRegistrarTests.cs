using System.Globalization;
using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Auth;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Tests.Registration;

/// <summary>The registrar's answers driven directly: node recording, key mapping, newest binding, deactivation, counters.</summary>
public class SipRegistrarTests
{
    private static readonly SipEndPoint Source = SipEndPoint.Udp(IPAddress.Parse("192.0.2.20"), 5060);
    private readonly SimulatedEventLoop _loop = new();
    private readonly DeterministicRandom _random = new(31);
    private readonly SipStack _nodeA;
    private readonly SipStack _nodeB;
    private uint _sequence;

    public SipRegistrarTests()
    {
        var network = new SimulatedNetwork(_loop, _random.Split("net"), null);
        _nodeA = new SipStack(_loop, network.AddHost("a", IPAddress.Parse("198.51.100.1")), new SipStackOptions { Name = "a" }, _random.Split("a"));
        _nodeB = new SipStack(_loop, network.AddHost("b", IPAddress.Parse("198.51.100.2")), new SipStackOptions { Name = "b" }, _random.Split("b"));
    }

    private static readonly SipRegistrarOptions Osv = new()
    {
        MinExpires = TimeSpan.FromSeconds(300),
        MaxBindingsPerAddress = 1,
        KeyOfAddress = uri => uri.User == "CPS1" ? "CPS001" : null,
        DeactivateOnTooBrief = true,
    };

    private SipRequest Register(string contactHost, long expires, string user = "CPS1", string callId = "reg-1")
    {
        var aor = NameAddress.Parse($"<sip:{user}@osv.example.com>");
        var request = SipRequest.Create(SipMethod.Register, SipUri.Parse("sip:osv.example.com"), aor.WithTag("t"), aor, callId, ++_sequence,
            SipVia.Create("UDP", contactHost, 5060, "z9hG4bKreg" + _sequence));
        request.Headers.Set(SipHeaderNames.Contact, $"<sip:{user}@{contactHost}:5060>");
        request.Headers.Set(SipHeaderNames.Expires, expires.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    [Fact]
    public void A_binding_records_the_node_that_took_the_register_and_the_answer_is_tagged_by_it()
    {
        var registrar = new SipRegistrar(_nodeA);
        var answer = registrar.Answer(Register("192.0.2.20", 600), Source, _nodeB, "b");
        Assert.Equal(200, answer.StatusCode);
        Assert.NotNull(answer.To!.Tag);
        Assert.Equal("b", Assert.Single(registrar.Lookup(SipUri.Parse("sip:CPS1@osv.example.com"))).Node);
    }

    [Fact]
    public void Current_is_the_most_recently_refreshed_binding()
    {
        var registrar = new SipRegistrar(_nodeA);
        registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA);
        registrar.Answer(Register("192.0.2.21", 600, callId: "reg-2"), Source, _nodeA);
        var key = SipRegistrar.KeyOf(SipUri.Parse("sip:CPS1@osv.example.com"));
        Assert.Equal("192.0.2.21", registrar.Current(key)!.Contact.Uri.Host);
        registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA);
        Assert.Equal(2, registrar.Bindings(key).Count);
        Assert.Equal("192.0.2.20", registrar.Current(key)!.Contact.Uri.Host);
    }

    [Fact]
    public void With_one_binding_per_address_the_newest_replaces_the_last_and_a_late_unregister_of_the_old_contact_keeps_it()
    {
        var registrar = new SipRegistrar(_nodeA, Osv);
        registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA);
        registrar.Answer(Register("192.0.2.21", 600, callId: "reg-2"), Source, _nodeA);
        Assert.Equal("192.0.2.21", Assert.Single(registrar.Bindings("CPS001")).Contact.Uri.Host);
        Assert.Equal(200, registrar.Answer(Register("192.0.2.20", 0), Source, _nodeA).StatusCode);
        Assert.Equal("192.0.2.21", registrar.Current("CPS001")!.Contact.Uri.Host);
        Assert.Equal(200, registrar.Answer(Register("192.0.2.21", 0, callId: "reg-2"), Source, _nodeA).StatusCode);
        Assert.Null(registrar.Current("CPS001"));
    }

    [Fact]
    public void An_address_the_key_mapping_does_not_know_gets_404_before_any_challenge()
    {
        var digest = new SipDigestServer("osv", u => u, _random.Split("digest"));
        var registrar = new SipRegistrar(_nodeA, Osv, digest);
        var answer = registrar.Answer(Register("192.0.2.20", 600, user: "cps1"), Source, _nodeA);
        Assert.Equal(404, answer.StatusCode);
        Assert.Equal(0, registrar.Challenged);
        Assert.Equal(1, registrar.Received);
        Assert.Equal(401, registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA).StatusCode);
    }

    [Fact]
    public void Too_brief_an_interval_deactivates_the_address_until_it_is_reactivated()
    {
        var registrar = new SipRegistrar(_nodeA, Osv);
        var deactivated = new List<(string, TimeSpan)>();
        registrar.AddressDeactivated += (key, asked) => deactivated.Add((key, asked));
        registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA);

        var tooBrief = registrar.Answer(Register("192.0.2.20", 60), Source, _nodeA);
        Assert.Equal(423, tooBrief.StatusCode);
        Assert.Equal("300", tooBrief.Headers.GetFirst(SipHeaderNames.MinExpires));
        Assert.Equal([("CPS001", TimeSpan.FromSeconds(60))], deactivated);
        Assert.True(registrar.IsDeactivated("CPS001"));
        Assert.Empty(registrar.Bindings("CPS001"));
        Assert.Equal(403, registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA).StatusCode);
        Assert.Null(registrar.Current("CPS001"));

        registrar.Reactivate("CPS001");
        Assert.Equal(200, registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA).StatusCode);
        Assert.NotNull(registrar.Current("CPS001"));
    }

    [Fact]
    public void Without_deactivation_too_brief_an_interval_only_gets_423()
    {
        var registrar = new SipRegistrar(_nodeA, Osv with { DeactivateOnTooBrief = false });
        Assert.Equal(423, registrar.Answer(Register("192.0.2.20", 60), Source, _nodeA).StatusCode);
        Assert.False(registrar.IsDeactivated("CPS001"));
        Assert.Equal(200, registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA).StatusCode);
    }

    [Fact]
    public void Wrong_credentials_count_as_authentication_failures_missing_ones_do_not()
    {
        var digest = new SipDigestServer("osv", u => u == "CPS1" ? "CPS1" : null, _random.Split("digest"));
        var registrar = new SipRegistrar(_nodeA, Osv, digest);
        var request = Register("192.0.2.20", 600);
        var challenge = registrar.Answer(request, Source, _nodeA);
        Assert.Equal(0, registrar.AuthenticationFailures);
        var wrong = Register("192.0.2.20", 600);
        Assert.True(new SipDigestClient(new SipCredentials("CPS1", "wrong"), _random.Split("c1")).TryAuthorize(wrong, challenge));
        Assert.Equal(401, registrar.Answer(wrong, Source, _nodeA).StatusCode);
        Assert.Equal(1, registrar.AuthenticationFailures);
        var right = Register("192.0.2.20", 600);
        Assert.True(new SipDigestClient(new SipCredentials("CPS1", "CPS1"), _random.Split("c2")).TryAuthorize(right, challenge));
        Assert.Equal(200, registrar.Answer(right, Source, _nodeA).StatusCode);
        Assert.Equal(3, registrar.Received);
    }

    [Fact]
    public void Drop_removes_every_binding_of_a_key_and_reports_it()
    {
        var registrar = new SipRegistrar(_nodeA, Osv);
        var changed = new List<string>();
        registrar.Answer(Register("192.0.2.20", 600), Source, _nodeA);
        registrar.BindingsChanged += changed.Add;
        registrar.Drop("CPS001");
        registrar.Drop("CPS001");
        Assert.Null(registrar.Current("CPS001"));
        Assert.Equal(["CPS001"], changed);
    }
}
