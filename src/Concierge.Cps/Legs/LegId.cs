namespace Concierge.Cps.Legs;

/// <summary>Identifies one call leg on the CPS trunk (one SIP dialog, one channel).</summary>
public readonly record struct LegId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => $"leg-{Value}";
}
