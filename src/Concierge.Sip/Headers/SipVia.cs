using System.Globalization;
using System.Text;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>One Via value: sent-protocol, sent-by and parameters (branch, received, rport per RFC 3581, maddr, ttl).</summary>
public sealed class SipVia : IEquatable<SipVia>
{
    private string? _text; // rendered once: the value is immutable
    private string? _sentBy;

    /// <summary>The magic cookie that marks an RFC 3261 branch.</summary>
    public const string BranchCookie = "z9hG4bK";

    /// <summary>Creates a Via value.</summary>
    public SipVia(string transport, string host, int? port, SipParameters? parameters = null, string protocol = "SIP/2.0")
    {
        Protocol = protocol;
        Transport = transport;
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>Creates `SIP/2.0/{transport} host[:port];branch=...` (transport upper-cased).</summary>
    public static SipVia Create(string transport, string host, int? port, string branch) =>
        new(transport.ToUpperInvariant(), host, port, SipParameters.Empty.With("branch", branch));

    /// <summary>Protocol name and version, normally "SIP/2.0" (whitespace removed).</summary>
    public string Protocol { get; }

    /// <summary>Transport as written (UDP, TCP, TLS, SCTP, WS, or any other token).</summary>
    public string Transport { get; }

    /// <summary>Host of sent-by.</summary>
    public string Host { get; }

    /// <summary>Port of sent-by when given.</summary>
    public int? Port { get; }

    /// <summary>All via-params in order.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The branch parameter.</summary>
    public string? Branch => Parameters["branch"];

    /// <summary>True when the branch starts with the RFC 3261 magic cookie.</summary>
    public bool HasRfc3261Branch => Branch?.StartsWith(BranchCookie, StringComparison.Ordinal) == true;

    /// <summary>The received parameter.</summary>
    public string? Received => Parameters["received"];

    /// <summary>True when an rport parameter is present (with or without a value).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The rport value when it has one.</summary>
    public int? RPort => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>The maddr parameter.</summary>
    public string? Maddr => Parameters["maddr"];

    /// <summary>`host` or `host:port`.</summary>
    public string SentBy => _sentBy ??= Port is { } p ? Host + ":" + p.ToString(CultureInfo.InvariantCulture) : Host;

    /// <summary>True when the transport is one where the stack must retransmit (UDP).</summary>
    public bool IsUnreliableTransport => string.Equals(Transport, "UDP", StringComparison.OrdinalIgnoreCase);

    /// <summary>A copy with a parameter set.</summary>
    public SipVia WithParameter(string name, string? value) => new(Transport, Host, Port, Parameters.With(name, value), Protocol);

    /// <summary>A copy with received set (RFC 3261 §18.2.1).</summary>
    public SipVia WithReceived(string address) => WithParameter("received", address);

    /// <summary>A copy with rport filled in (RFC 3581).</summary>
    public SipVia WithRPort(int port) => WithParameter("rport", port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses one Via value; false (no exception) when malformed.</summary>
    public static bool TryParse(string? text, out SipVia? via)
    {
        via = null;
        if (text is null)
        {
            return false;
        }
        var list = new List<SipVia>(1);
        if (!ViaGrammar.TryParseList(SpanText.Bytes(text), list) || list.Count != 1)
        {
            return false;
        }
        via = list[0];
        return true;
    }

    /// <summary>The canonical text `SIP/2.0/UDP host:port;params`.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var b = TextBuilderCache.Acquire();
            b.Append(Protocol).Append('/').Append(Transport).Append(' ').Append(SentBy);
            Parameters.AppendTo(b);
            _text = TextBuilderCache.Release(b);
        }
        return _text;
    }

    /// <inheritdoc />
    public bool Equals(SipVia? other) =>
        other is not null && string.Equals(Protocol, other.Protocol, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Transport, other.Transport, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && Port == other.Port && Parameters.Equals(other.Parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipVia);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Transport.ToUpperInvariant(), Host.ToLowerInvariant(), Port, Parameters);
}
