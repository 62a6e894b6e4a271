using Concierge.Sip.Message;

namespace Concierge.Sip.Parsing;

/// <summary>A per-thread reusable list for collecting parameters before they are copied into an exact-size array.</summary>
internal static class ParameterScratch
{
    [ThreadStatic]
    private static List<SipParameter>? _cached;

    public static List<SipParameter> Rent()
    {
        var list = _cached ?? new List<SipParameter>(8);
        _cached = null;
        return list;
    }

    public static SipParameters ToParametersAndReturn(List<SipParameter> list)
    {
        var result = SipParameters.FromList(list);
        list.Clear();
        if (list.Capacity <= 64)
        {
            _cached = list;
        }
        return result;
    }

    public static void Return(List<SipParameter> list)
    {
        list.Clear();
        if (list.Capacity <= 64)
        {
            _cached = list;
        }
    }
}
