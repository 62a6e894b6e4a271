namespace Concierge.Csta.Framing;

/// <summary>Hands out request invoke ids 0001–9998 in order, wrapping, skipping ids still awaiting an answer.</summary>
public sealed class InvokeIdAllocator
{
    /// <summary>Smallest id handed out.</summary>
    public const int First = 1;

    /// <summary>Largest id handed out (9999 is left to events).</summary>
    public const int Last = 9998;

    private int _next = First;

    /// <summary>Returns the next id for which <paramref name="inUse"/> is false, or null when all 9998 are in use.</summary>
    public int? Next(Func<int, bool> inUse)
    {
        for (var tries = 0; tries < Last; tries++)
        {
            var id = _next;
            _next = id == Last ? First : id + 1;
            if (!inUse(id)) return id;
        }
        return null;
    }
}
