using System.Xml;

namespace Concierge.Csta.Codec;

/// <summary>
/// What an OpenScape Voice adds to its call events beyond the fields this codec uses: the services the device may
/// invoke next, the media and call characteristics, correlator data, and a Siemens private element (namespace
/// <see cref="CstaNamespace.SiemensPrivate"/>, prefix scx). Written by the simulated OSV so that the CPS always reads
/// documents shaped like a real switch's; the reader ignores every one of them.
/// </summary>
internal static class OsvExtras
{
    /// <summary>The scx element's local name.</summary>
    public const string ScxElementName = "eventSource";

    public static void WriteCallEventElements(CstaXmlWriter w)
    {
        w.Start("servicesPermitted");
        w.Start("callControlServices");
        w.Bool("clearConnection", true);
        w.Bool("holdCall", true);
        w.Bool("singleStepTransfer", true);
        w.End();
        w.End();
        w.Start("mediaCallCharacteristics");
        w.Text("mediaClass", "voice");
        w.End();
        w.Start("callCharacteristics");
        w.Bool("acdCall", false);
        w.End();
        w.Text("correlatorData", "00");
    }

    public static void WriteScx(XmlWriter writer)
    {
        writer.WriteStartElement("scx", ScxElementName, CstaNamespace.SiemensPrivate);
        writer.WriteElementString("scx", "switchType", CstaNamespace.SiemensPrivate, "OpenScapeVoice");
        writer.WriteEndElement();
    }

    /// <summary>True for the scx element this class writes (read back into the private items, not written twice).</summary>
    public static bool IsOwnScx(string outerXml) =>
        outerXml.StartsWith("<scx:" + ScxElementName, StringComparison.Ordinal) && outerXml.Contains(CstaNamespace.SiemensPrivate, StringComparison.Ordinal);
}
