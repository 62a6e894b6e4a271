namespace Concierge.Server.Options;

/// <summary>Which media plane the server's CPS streams its audio on.</summary>
public enum MediaPlaneKind
{
    /// <summary>RTP with G.711 on the CPS's port range, paced at 20 ms.</summary>
    Rtp,
    /// <summary>No RTP at all (signalling only: a lab without audio, or tests that do not listen).</summary>
    None,
}
