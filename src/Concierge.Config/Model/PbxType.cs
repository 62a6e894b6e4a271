namespace Concierge.Config.Model;

/// <summary>The communication platform the CPS trunk connects to (C 6.3.1.3).</summary>
public enum PbxType
{
    /// <summary>OpenScape Voice: at most 250 CPS channels.</summary>
    Osv,

    /// <summary>OpenScape 4000 over an STMI board: at most 120 CPS channels.</summary>
    Os4000,
}
