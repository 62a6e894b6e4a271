using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>
/// Reads and writes the ONS/OND pair of OSV "Private Data Presentation – V8" inside privateData/private:
/// <c>&lt;osvV8&gt;&lt;ons&gt;…&lt;/ons&gt;&lt;ond&gt;…&lt;/ond&gt;&lt;/osvV8&gt;</c>. The element layout is this project's model of
/// the OSV presentation and is to be checked against a trace from a real OSV.
/// </summary>
internal static class OsvV8PrivateData
{
    public const string ElementName = "osvV8";

    public static OnsOndPair? Read(XmlElementNode node)
    {
        var ons = node.Child("ons")?.Text;
        var ond = node.Child("ond")?.Text;
        return ons is null || ond is null ? null : new OnsOndPair(ons, ond);
    }

    public static void Write(CstaXmlWriter writer, OnsOndPair pair)
    {
        writer.Start(ElementName);
        writer.Text("ons", pair.Ons);
        writer.Text("ond", pair.Ond);
        writer.End();
    }
}
