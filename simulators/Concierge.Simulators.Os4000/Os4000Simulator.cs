using Concierge.Config.Topology;
using Concierge.Media;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Os4000.Lcr;
using Concierge.Simulators.Os4000.Monitoring;
using Concierge.Simulators.Os4000.Registration;
using Concierge.Simulators.Osv;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Osv.Switching;

namespace Concierge.Simulators.Os4000;

/// <summary>
/// The simulated OpenScape 4000 with its stations' phones and the public network's callers. It runs on the switching
/// core it shares with the OSV simulator (SIP back-to-back switching, hunt groups, forwarding, the CSTA server, phones
/// and callers) with its own parts plugged in: LCR routing with LDAT reroute, the STMI trunk limited to its B channels
/// and its registrar, VNR numbering, the attendant key codes and the trunk monitoring tables.
/// </summary>
public sealed class Os4000Simulator : IDisposable
{
    private Os4000Simulator(Os4000Config config, Func<OsvConfig, SwitchOptions, OsvSimulator> core)
    {
        Config = config;
        Router = new LcrRouter(config);
        var options = new SwitchOptions
        {
            Name = "os4000",
            Routing = _ => Router,
            Registrar = (_, stack, nonces) => StmiRegistrar.Create(config, stack, nonces),
        };
        Core = core(Os4000Switching.CoreConfig(config), options);
        // SSTNO=YES callers: the CSTA application reports their numbers only with PRESENTATION_RESTRICTED=ignore (C 5.1.2).
        Core.Csta.Events.ReportsRestrictedNumbers = config.Csta.IgnoresRestriction;
        TrunkEndpoint = LcrRouter.TrunkEndpoint(config.Stmi.TrunkGroup);
        Monitoring = new TrunkMonitoring(config, Core.Switch);
    }

    /// <summary>Builds the OpenScape 4000 of <paramref name="topology"/> on <paramref name="network"/>.</summary>
    public static Os4000Simulator Create(TopologyDocument topology, SimulatedNetwork network, IMediaPlane media, DeterministicRandom random, ITrace? trace = null) =>
        new(Os4000ConfigReader.Require(topology), (core, options) => OsvSimulator.Create(core, options, network, media, random, trace));

    /// <summary>Builds the OpenScape 4000 of <paramref name="topology"/> on real sockets (the PBX emulator).</summary>
    public static Os4000Simulator CreateOnSockets(TopologyDocument topology, OsvSocketPlacement sockets, IMediaPlane media, DeterministicRandom random, ITrace? trace = null) =>
        new(Os4000ConfigReader.Require(topology), (core, options) => OsvSimulator.CreateOnSockets(core, options, sockets, media, random, trace));

    /// <summary>The configuration read from the topology.</summary>
    public Os4000Config Config { get; }

    /// <summary>The LCR routing.</summary>
    public LcrRouter Router { get; }

    /// <summary>The switching core: switch, registrar, CSTA server, phones and callers.</summary>
    public OsvSimulator Core { get; }

    /// <summary>The call switching.</summary>
    public OsvSwitch Switch => Core.Switch;

    /// <summary>The switch endpoint of the STMI trunk group to the CPS ("TGRP181").</summary>
    public string TrunkEndpoint { get; }

    /// <summary>The trunk and CPS-trunk monitoring tables (C 5.6, 5.7, 8.9, 8.10).</summary>
    public TrunkMonitoring Monitoring { get; }

    /// <summary>B channels of the STMI trunk in use now (calls to and from the CPS).</summary>
    public int StmiChannelsInUse => Switch.ChannelsInUse(TrunkEndpoint);

    /// <summary>B channels the STMI trunk has; beyond them it cannot be seized (LCR reroutes) and offers get 503.</summary>
    public int StmiChannels => Switch.EndpointChannels(TrunkEndpoint) ?? Config.Stmi.Channels;

    /// <summary>Changes the STMI trunk's B channels (administration, between calls); 1…maxChannels (≤ 120).</summary>
    public void SetStmiChannels(int channels)
    {
        if (channels < 1 || channels > Config.Stmi.MaxChannels)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"the STMI trunk has 1–{Config.Stmi.MaxChannels} B channels");
        Switch.SetEndpointChannels(TrunkEndpoint, channels);
    }

    /// <summary>True while the CPS is registered at the STMI.</summary>
    public bool IsCpsRegistered => Core.IsRegistered(TrunkEndpoint);

    /// <inheritdoc />
    public void Dispose() => Core.Dispose();
}
