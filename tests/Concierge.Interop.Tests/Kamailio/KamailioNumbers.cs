namespace Concierge.Interop.Tests.Kamailio;

/// <summary>Numbers of tests/interop/kamailio/kamailio-sip-only.yaml as tests/interop/kamailio/kamailio.cfg routes them.</summary>
internal static class KamailioNumbers
{
    public const string Topology = "kamailio-sip-only.yaml";
    public const string MainPilot = "+4950505803201";
    public const string PersonalLineOf7580 = "+4950505803220";
    public const string Loop = "+4950505803300";
    public const string UnusedRequestNumber = "+4950505803301";
    public const string HuntGroup = "+4950505805520";

    /// <summary>The attendant devices 7580… of the topology (16 in all).</summary>
    public static IReadOnlyList<string> Attendants(int count) =>
        Enumerable.Range(7580, count).Select(n => "+495050580" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
