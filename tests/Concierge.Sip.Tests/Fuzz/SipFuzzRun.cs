using Concierge.Runtime.Randomness;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Sdp;
using Concierge.Sip.Tests.Support;
using Concierge.Sip.Validation;

namespace Concierge.Sip.Tests.Fuzz;

/// <summary>Feeds mutated corpus messages through parser, typed accessors, validators, serializer and SDP; every fourth also through the stream framer in random chunks.</summary>
internal sealed class SipFuzzRun
{
    private static readonly SipRequestValidator Endpoint = new();
    private static readonly SipRequestValidator Proxy = new(new SipValidatorOptions { Role = SipValidatorRole.Proxy });
    private static readonly SipResponseValidator ResponseCheck = new();

    public long Mutations { get; private set; }

    public long Parsed { get; private set; }

    public long Rejected { get; private set; }

    public Dictionary<SipParseErrorKind, long> ErrorKinds { get; } = [];

    /// <summary>Runs the mutations; throws with seed and mutation when anything throws or an invariant breaks.</summary>
    public void Run(ulong seed, int mutations)
    {
        var corpus = TestData.TortureFiles().Select(TestData.Torture).Append(SampleMessages.InviteBytes).ToArray();
        var random = new DeterministicRandom(seed);
        var mutator = new SipMutator(random.Split("mutator"));
        var chunking = random.Split("chunks");
        var limits = SipParserLimits.Default;
        for (var i = 0; i < mutations; i++)
        {
            var source = corpus[i % corpus.Length];
            var input = mutator.Mutate(source);
            if (random.Chance(0.2))
            {
                input = mutator.Mutate(input);
            }
            try
            {
                Exercise(input, limits, chunking, frame: i % 4 == 0);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"seed {seed} mutation {i} ({mutator.LastMutation}) of corpus #{i % corpus.Length}: {e.GetType().Name}: {e.Message}\n{Convert.ToBase64String(input)}", e);
            }
            Mutations++;
        }
    }

    private void Exercise(byte[] input, SipParserLimits limits, DeterministicRandom chunking, bool frame)
    {
        var ok = SipParser.TryParse(input, limits, out var message, out var error);
        if (!ok)
        {
            Rejected++;
            ErrorKinds[error.Kind] = ErrorKinds.GetValueOrDefault(error.Kind) + 1;
            Check(error.Kind != SipParseErrorKind.None && error.Offset >= 0 && error.Offset <= Math.Max(input.Length, limits.MaxMessageBytes), "error without kind or offset");
        }
        else
        {
            Parsed++;
        }
        if (message is not null)
        {
            Touch(message);
            var bytes = message.ToBytes();
            Check(bytes.Length <= input.Length + 64 + message.Headers.Count * 24, "serialized message grew unexpectedly");
            if (ok)
            {
                // serialization may add the Content-Length line
                Check(SipParser.TryParse(bytes, limits with { MaxHeaderCount = limits.MaxHeaderCount + 1 }, out var again, out var againError), "serialized message does not parse: " + againError);
                Check(again!.StartLine == message.StartLine && again.Body.Span.SequenceEqual(message.Body.Span), "re-parse differs");
            }
        }

        if (!frame)
        {
            return;
        }
        var framer = new SipStreamFramer(limits);
        var framed = new List<SipMessage>();
        var position = 0;
        while (position < input.Length && !framer.IsFaulted)
        {
            var size = 1 + chunking.Next(Math.Min(input.Length - position, 700));
            framer.TryPush(input.AsSpan(position, size), framed);
            position += size;
            Check(framer.BufferedBytes <= limits.MaxMessageBytes + 4, "framer buffer over bound");
        }
        foreach (var m in framed)
        {
            Touch(m);
        }
    }

    private static void Touch(SipMessage message)
    {
        _ = message.TopVia?.Branch;
        _ = message.Vias.Count;
        _ = message.From?.Tag;
        _ = message.To?.Uri.ToString();
        _ = message.CallId;
        _ = message.CSeq;
        _ = message.MaxForwards;
        _ = message.Expires;
        _ = message.ContentType?.MediaType;
        _ = message.Contacts.Count;
        _ = message.Routes.Count;
        _ = message.RecordRoutes.Count;
        _ = message.Headers.GetValues("Allow").Count;
        _ = message.ToString();
        if (message is SipRequest request)
        {
            _ = request.RequestUri.ToString();
            var result = Endpoint.Validate(request);
            _ = result.CreateResponse(request)?.ToBytes();
            _ = Proxy.Validate(request);
        }
        else if (message is SipResponse response)
        {
            _ = ResponseCheck.Check(response);
        }
        if (SdpSessionDescription.TryParse(message.Body.Span, out var sdp, out _))
        {
            _ = sdp!.ToString();
            SdpOfferAnswer.TryCreateAnswer(sdp, new SdpLocalMedia("192.0.2.1", 4000, SdpLocalMedia.G711WithDtmf), 1, 1, out _, out _, out _);
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("invariant: " + what);
        }
    }
}
