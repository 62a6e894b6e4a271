using System.Net;
using Concierge.Sip.Transport;

namespace Concierge.Cps.Trunk;

/// <summary>Where the CPS trunk goes and what it offers.</summary>
/// <param name="Pbx">The PBX's SIP address (the registrar and the next hop for every call) when the trunk does not follow <see cref="RegistrarTargets"/>.</param>
/// <param name="PbxDomain">The host part of request URIs sent to the PBX.</param>
/// <param name="MediaAddress">The CPS's RTP address.</param>
/// <param name="RtpStartPort">First RTP port.</param>
/// <param name="RtpPortCount">Number of RTP ports.</param>
public sealed record SipTrunkOptions(SipEndPoint Pbx, string PbxDomain, IPAddress MediaAddress, int RtpStartPort, int RtpPortCount);
