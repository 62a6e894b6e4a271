using System.Text;
using Concierge.Csta.Codec;
using Concierge.Csta.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Codec;

/// <summary>
/// The OSV "Private Data Presentation – V8" element (Unify Phone ONS and its OND) on the messages that carry it: the
/// MonitorStartResponse of the device and the call events on its monitor.
/// </summary>
public sealed class OsvV8PrivateDataTests
{
    private const string Ns = CstaNamespace.Edition3;

    /// <summary>The messages an OSV puts the V8 element on, as a function of the pair's device.</summary>
    private static readonly Func<string, CstaMessage>[] Carriers =
    [
        _ => new MonitorStartResponse("17"),
        d => new DeliveredEvent("17", new ConnectionId("4711", d), EventDevice.Of(d), EventDevice.Of("004989700700"), EventDevice.Of("3201"), null,
            LocalConnectionState.Alerting, EventCause.NewCall),
        d => new EstablishedEvent("17", new ConnectionId("4711", d), EventDevice.Of(d), EventDevice.Of("004989700700"), EventDevice.Of("3201"), null,
            LocalConnectionState.Connected, EventCause.NewCall),
        d => new ConnectionClearedEvent("17", new ConnectionId("4711", d), EventDevice.Of(d), LocalConnectionState.Null, EventCause.NormalClearing),
    ];

    private static Arbitrary<(CstaMessage Message, OnsOndPair Pair, string[] Others)> CarriedPairs() =>
        Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            var pair = RandomMessages.RandomOnsOnd(random);
            var others = Enumerable.Range(0, random.Next(3))
                .Select(i => $"<vendor{i} xmlns=\"urn:example:vendor\">{random.Next(1000)}</vendor{i}>").ToArray();
            var message = Carriers[random.Next(Carriers.Length)](pair.Ons) with
            {
                PrivateData = new PrivateData(pair, others.Length == 0 ? ValueList<string>.Empty : new ValueList<string>(others)),
            };
            return (message, pair, others);
        }).ToArbitrary();

    [Fact]
    public void A_pair_round_trips_on_every_carrier_with_unknown_private_items_kept_aside()
    {
        var codec = new CstaXmlCodec();
        Prop.ForAll(CarriedPairs(), c =>
        {
            var bytes = codec.TryEncode(c.Message, out var error);
            if (bytes is null) return false.Label($"encode failed: {error}");
            var decoded = codec.Decode(bytes);
            return (decoded.IsSuccess && Equals(decoded.Message, c.Message) && decoded.PrivateDataRejection is null
                    && decoded.Message!.PrivateData!.OnsOnd == c.Pair && decoded.Message.PrivateData.OtherItems.Count == c.Others.Length)
                .Label($"{c.Message}\n decoded as {decoded.Message?.ToString() ?? decoded.Error}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
        Assert.Equal(0, codec.RejectedPrivateData);
        Assert.Equal(0, codec.InternalErrors);
    }

    [Fact]
    public void Unknown_private_data_is_ignored_and_the_message_is_read()
    {
        var codec = new CstaXmlCodec();
        var gen = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            var name = "x" + random.Next(100_000);
            return (Name: name, Xml: $"<{name} xmlns=\"urn:example:other\"><a>{random.Next()}</a><ons>not ours</ons></{name}>");
        });
        Prop.ForAll(gen.ToArbitrary(), item =>
        {
            var result = codec.Decode(Document("MonitorStartResponse", "<monitorCrossRefID>7</monitorCrossRefID>", $"<private>{item.Xml}</private>"));
            return (result.IsSuccess && result.PrivateDataRejection is null && result.Message!.PrivateData!.OnsOnd is null
                    && result.Message.PrivateData.OtherItems.Single().Contains(item.Name, StringComparison.Ordinal)
                    && ((MonitorStartResponse)result.Message).MonitorCrossRefId == "7")
                .Label(result.Error ?? result.PrivateDataRejection ?? "");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
        Assert.Equal(0, codec.RejectedPrivateData);
    }

    /// <summary>Ways a V8 element can be malformed; each takes a well-formed pair and breaks it.</summary>
    private static readonly Func<OnsOndPair, Random, string>[] Breakages =
    [
        (p, _) => $"<osvV8><ond>{p.Ond}</ond></osvV8>",
        (p, _) => $"<osvV8><ons>{p.Ons}</ons></osvV8>",
        (_, _) => "<osvV8/>",
        (p, _) => $"<osvV8><ons>{p.Ons}</ons><ond></ond></osvV8>",
        (p, r) => $"<osvV8><ons>{p.Ons}{"abc*#é-"[r.Next(7)]}</ons><ond>{p.Ond}</ond></osvV8>",
        (p, _) => $"<osvV8><ons>{p.Ons}</ons><ond>{p.Ons}</ond></osvV8>",
        (p, _) => $"<osvV8><ons>{p.Ons}</ons><ons>{p.Ond}</ons><ond>{p.Ond}</ond></osvV8>",
        (p, _) => $"<osvV8><ons>+{new string('9', 33)}</ons><ond>{p.Ond}</ond></osvV8>",
        (p, _) => $"<osvV8><ons>++{p.Ons.TrimStart('+')}</ons><ond>{p.Ond}</ond></osvV8>",
        (p, _) => $"<osvV8><ons>{p.Ons}</ons><ond>{p.Ond}</ond></osvV8><osvV8><ons>{p.Ond}</ons><ond>{p.Ons}</ond></osvV8>",
    ];

    [Fact]
    public void A_malformed_v8_element_is_rejected_and_counted_while_the_message_stands()
    {
        var codec = new CstaXmlCodec();
        var gen = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            var kind = random.Next(Breakages.Length);
            return (Kind: kind, Xml: Breakages[kind](RandomMessages.RandomOnsOnd(random), random));
        });
        var tried = 0;
        Prop.ForAll(gen.ToArbitrary(), broken =>
        {
            tried++;
            var before = codec.RejectedPrivateData;
            var result = codec.Decode(Document("EstablishedEvent",
                "<monitorCrossRefID>5</monitorCrossRefID><establishedConnection><callID>9</callID><deviceID>3001</deviceID></establishedConnection>"
                + "<answeringDevice><deviceIdentifier>3001</deviceIdentifier></answeringDevice><callingDevice><notKnown/></callingDevice>"
                + "<calledDevice><deviceIdentifier>3001</deviceIdentifier></calledDevice>",
                $"<private>{broken.Xml}<kept xmlns=\"urn:example:other\">1</kept></private>"));
            return (result.IsSuccess && result.PrivateDataRejection is not null && result.Message!.PrivateData!.OnsOnd is null
                    && result.Message.PrivateData.OtherItems.Single().Contains("kept", StringComparison.Ordinal)
                    && !result.Message.PrivateData.OtherItems.Any(i => i.Contains("osvV8", StringComparison.Ordinal))
                    && codec.RejectedPrivateData == before + 1)
                .Label($"breakage {broken.Kind}: {broken.Xml} -> {result.Error ?? result.PrivateDataRejection ?? "accepted"}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
        Assert.Equal(tried, codec.RejectedPrivateData);
        Assert.Equal(0, codec.InternalErrors);
    }

    [Theory]
    [InlineData("", "+4950505807683")]
    [InlineData("+4950505807583", "7683x")]
    [InlineData("+4950505807583", "+4950505807583")]
    [InlineData("+49 505", "7683")]
    public void A_pair_that_could_not_be_read_back_is_not_written(string ons, string ond)
    {
        var codec = new CstaXmlCodec();
        var bytes = codec.TryEncode(new MonitorStartResponse("7") { PrivateData = PrivateData.ForOnsOnd(ons, ond) }, out var error);
        Assert.Null(bytes);
        Assert.Contains("osvV8", error);
        // The codec is usable afterwards.
        Assert.NotNull(codec.TryEncode(new MonitorStartResponse("7") { PrivateData = PrivateData.ForOnsOnd("+4950505807583", "+4950505807683") }, out _));
    }

    [Fact]
    public void The_monitor_start_response_of_an_ons_names_its_ond()
    {
        var codec = new CstaXmlCodec();
        var result = codec.Decode(Document("MonitorStartResponse", "<monitorCrossRefID>12</monitorCrossRefID>",
            "<private><osvV8><ons> +4950505807583 </ons><ond>+4950505807683</ond></osvV8></private>"));
        Assert.True(result.IsSuccess, result.Error);
        Assert.Null(result.PrivateDataRejection);
        Assert.Equal(new OnsOndPair("+4950505807583", "+4950505807683"), result.Message!.PrivateData!.OnsOnd);
    }

    private static byte[] Document(string root, string fields, string privateContent) =>
        Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{root} xmlns=\"{Ns}\">{fields}<privateData>{privateContent}</privateData></{root}>");
}
