using System.Net;

namespace Concierge.Server.Pbx;

/// <summary>Where the server finds its PBX: the SIP registrar (the trunk's calls go there too) and, unless SIP only, the CSTA link.</summary>
public sealed record PbxAddresses(IPEndPoint Sip, IPEndPoint? Csta);
