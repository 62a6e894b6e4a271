using System.Net;
using Concierge.Runtime.Randomness;
using Concierge.Simulators.Osv.Registration;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class RegistrarTests
{
    private const string DigestOn = """
        extends: osv-example
        name: variant
        osv:
          registrar:
            digestAuthentication: true
        """;

    [Fact]
    public void With_digest_authentication_the_registrar_challenges_and_accepts_the_right_credentials()
    {
        var world = new OsvWorld(OsvWorld.Variant(DigestOn), seed: 61);
        world.RegisterCps();
        Assert.Equal([401, 200], world.Cps.RegisterStatuses);
        Assert.True(world.Osv.IsRegistered("CPS001"));
    }

    [Fact]
    public void Wrong_credentials_are_refused()
    {
        var world = new OsvWorld(OsvWorld.Variant(DigestOn), seed: 62);
        world.Cps.Password = "wrong";
        world.RegisterCps();
        Assert.Equal([401, 401], world.Cps.RegisterStatuses);
        Assert.False(world.Osv.IsRegistered("CPS001"));
        Assert.Equal(1, world.Osv.Registrar.AuthenticationFailures);
    }

    [Fact]
    public void The_Register_Id_must_match_an_alias_case_sensitively()
    {
        var world = new OsvWorld(seed: 63);
        world.Cps.Register(TimeSpan.FromSeconds(305), "cps1");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(404, world.Cps.LastRegisterStatus);
        Assert.False(world.Osv.IsRegistered("CPS001"));
    }

    [Fact]
    public void Unregistering_with_expires_zero_removes_the_binding()
    {
        var world = new OsvWorld(seed: 64);
        world.RegisterCps();
        Assert.True(world.Osv.IsRegistered("CPS001"));
        world.RegisterCps(TimeSpan.Zero);
        Assert.False(world.Osv.IsRegistered("CPS001"));
        Assert.False(world.Osv.IsDeactivated("CPS001"));
    }

    [Fact]
    public void Unregistering_from_another_contact_leaves_the_binding_that_registered_meanwhile()
    {
        var world = new OsvWorld(seed: 65);
        var standby = new StandInCps(world.Network, world.Network.AddHost("cps2", IPAddress.Parse("192.0.2.21")), world.Osv.SipEndPoint, world.Media,
            new DeterministicRandom(65));
        world.RegisterCps();

        standby.Register(TimeSpan.Zero); // the standby's unregister arrives after the primary registered again
        world.Run(TimeSpan.FromSeconds(1));

        Assert.Equal(200, standby.LastRegisterStatus);
        Assert.True(world.Osv.IsRegistered("CPS001"));
        Assert.Equal(IPAddress.Parse("192.0.2.20"), world.Osv.Registrar.Current("CPS001")!.ContactEndPoint().Address);
    }
}
