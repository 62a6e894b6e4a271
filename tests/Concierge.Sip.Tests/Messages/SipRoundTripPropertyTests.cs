using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Messages;

public class SipRoundTripPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void Parse_of_serialize_equals_the_message()
    {
        Prop.ForAll(SipGenerators.Messages.ToArbitrary(), m =>
        {
            if (!SipParser.TryParse(m.ToBytes(), out var parsed, out var error))
            {
                return false.Label(error + "\n" + SipGenerators.Describe(m));
            }
            var same = parsed!.ContentEquals(m)
                && Equals(parsed.From, m.From) && Equals(parsed.To, m.To) && parsed.CSeq == m.CSeq && parsed.CallId == m.CallId
                && parsed.Vias.SequenceEqual(m.Vias) && parsed.Contacts.SequenceEqual(m.Contacts)
                && (parsed is not SipRequest r || r.RequestUri.Equals(((SipRequest)m).RequestUri));
            return same.Label(SipGenerators.Describe(m) + "\n---\n" + SipGenerators.Describe(parsed));
        }).Check(Config);
    }

    [Fact]
    public void Typed_values_survive_their_text_form()
    {
        Prop.ForAll(SipGenerators.NameAddresses.ToArbitrary(), SipGenerators.Vias.ToArbitrary(), (address, via) =>
        {
            var addressBack = NameAddress.TryParse(address.ToString(), out var a) && a!.Equals(address);
            var uriBack = SipUri.TryParse(address.Uri.ToString(), out var u) && u!.Equals(address.Uri);
            var viaBack = Concierge.Sip.Headers.SipVia.TryParse(via.ToString(), out var v) && v!.Equals(via);
            return (addressBack && uriBack && viaBack).Label(address + " | " + via);
        }).Check(Config);
    }

    [Fact]
    public void Stream_framer_recovers_the_messages_from_any_chunking()
    {
        var gen = from messages in Gen.ArrayOf(SipGenerators.Messages, 3)
                  from chunk in Gen.Choose(1, 300)
                  select (messages, chunk);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var stream = input.messages.SelectMany(m => m.ToBytes()).ToArray();
            var framer = new SipStreamFramer();
            var received = new List<SipMessage>();
            for (var i = 0; i < stream.Length; i += input.chunk)
            {
                if (!framer.TryPush(stream.AsSpan(i, Math.Min(input.chunk, stream.Length - i)), received))
                {
                    return false.Label(framer.Error.ToString());
                }
            }
            var same = received.Count == input.messages.Length
                && received.Zip(input.messages).All(p => p.First.ContentEquals(p.Second));
            return same.Label("chunk " + input.chunk);
        }).Check(Config.WithMaxTest(200));
    }
}
