using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Os4000;

/// <summary>
/// The OpenScape 4000 as the shared switching core sees it: one node whose stations are subscribers, whose hunt groups
/// (SA) hunt by their type, whose STMI trunk group to the CPS is a dynamic endpoint limited to its B channels, and
/// whose public trunk group is a static gateway. LCR (not a numbering plan) routes.
/// </summary>
public static class Os4000Switching
{
    /// <summary>The single "business group" of the node (the core's grouping of subscribers).</summary>
    public const string BusinessGroup = "OS4000";

    /// <summary>An OS4000 switch's SIP endpoints supervise outgoing calls this long.</summary>
    public static readonly TimeSpan OutgoingCallSupervision = TimeSpan.FromSeconds(32);

    /// <summary>The switching core's configuration of <paramref name="config"/>.</summary>
    public static OsvConfig CoreConfig(Os4000Config config)
    {
        var endpoints = new Dictionary<string, EndpointConfig>(StringComparer.Ordinal);
        var stmi = Lcr.LcrRouter.TrunkEndpoint(config.Stmi.TrunkGroup);
        endpoints[stmi] = new EndpointConfig(stmi, null, Dynamic: true, Aliases: [], config.Stmi.GatewayHost, 5060,
            RegistrationRequired: config.Stmi.AllowSipRegisterForTrunking, IsPublicGateway: false, OutgoingCallSupervision, config.Stmi.Channels);
        if (config.PublicTrunk is { } pstn)
        {
            endpoints[pstn.Name] = new EndpointConfig(pstn.Name, null, Dynamic: false, Aliases: [], pstn.Host, pstn.Port,
                RegistrationRequired: false, IsPublicGateway: true, OutgoingCallSupervision);
        }
        var subscribers = config.Stations.Values.ToDictionary(s => s.Number, SubscriberOf, StringComparer.Ordinal);
        var huntGroups = config.HuntGroups.Values.Select(h => HuntGroupOf(config, h)).ToDictionary(h => h.Number, StringComparer.Ordinal);
        var group = new BusinessGroupConfig(BusinessGroup, config.Numbering.PrefixDigits, new Dictionary<string, IReadOnlyList<DestinationCode>>(), subscribers, huntGroups);
        return new OsvConfig(config.Stmi.Host, config.Stmi.SipPort, TimeSpan.FromSeconds(60), DigestAuthentication: false, config.Csta.Port,
            PrivateDataPresentationV8: false, new GlobalNumberingPlan([], new Dictionary<string, DestinationConfig>(), new Dictionary<string, CodeProcessingConfig>()),
            new Dictionary<string, EndpointProfileConfig>(), endpoints, new Dictionary<string, BusinessGroupConfig> { [BusinessGroup] = group },
            config.Network, config.PublicNetwork);
    }

    /// <summary>The core's subscriber of a station.</summary>
    public static SubscriberConfig SubscriberOf(StationConfig station) =>
        new(station.Number, station.Alias, BusinessGroup, station.Name, station.Role, ProfileOnly: false, station.AutoAnswerCti, station.CallWaiting, null, null);

    /// <summary>The core's hunt group of an SA hunt group (cyclic hunts circularly).</summary>
    public static HuntGroupConfig HuntGroupOf(Os4000Config config, Os4000HuntGroupConfig hg) =>
        new(config.FullNumber(hg.Extension), hg.Name, hg.Type switch
            {
                Os4000HuntType.Cyclic => HuntType.Circular,
                Os4000HuntType.Linear => HuntType.Linear,
                _ => HuntType.Ucd,
            }, hg.QueueSize, TimeSpan.Zero, null,
            hg.Members.Select(m => new HuntGroupMemberConfig(config.FullNumber(m), AttendantAgent: true, CanMakeHuntGroupBusy: true)).ToList());
}
