using System.Text;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Scenarios.Reports.Ladders;

/// <summary>
/// What a ladder diagram shows of one scenario run: every SIP request and response and every CSTA message the simulated
/// network delivered, with the virtual time and the two hosts, and where each step began. Bounded: after
/// <see cref="MaxArrows"/> arrows it only counts.
/// </summary>
public sealed class LadderRecording : IPacketObserver
{
    /// <summary>Most arrows kept per run.</summary>
    public const int MaxArrows = 600;

    private readonly List<LadderEntry> _entries = [];
    private readonly List<string> _hosts = [];
    private int _arrows;

    /// <summary>The arrows and step marks in the order they happened.</summary>
    public IReadOnlyList<LadderEntry> Entries => _entries;

    /// <summary>Every host that sent or received a message, in the order first seen.</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    /// <summary>Arrows not kept because the run had more than <see cref="MaxArrows"/>.</summary>
    public int Dropped { get; private set; }

    /// <summary>Marks the start of step <paramref name="number"/>.</summary>
    public void StepStarted(int number, string display, TimeSpan at) => _entries.Add(new LadderStep(at, number, display));

    /// <inheritdoc />
    public void Delivered(TimeSpan at, SimulatedHost from, SimulatedHost to, bool stream, ReadOnlySpan<byte> payload)
    {
        if (Label(payload) is not { } label) return;
        if (_arrows >= MaxArrows)
        {
            Dropped++;
            return;
        }
        Remember(from.Name);
        Remember(to.Name);
        _arrows++;
        _entries.Add(new LadderArrow(at, from.Name, to.Name, label.text, label.protocol));
    }

    private void Remember(string host)
    {
        if (!_hosts.Contains(host)) _hosts.Add(host);
    }

    /// <summary>
    /// `INVITE`, `180 Ringing (INVITE)` for SIP; the document name (`MakeCall`, `DeliveredEvent`) for CSTA XML;
    /// null for anything else (keep-alives, partial stream segments).
    /// </summary>
    public static (string text, LadderProtocol protocol)? Label(ReadOnlySpan<byte> payload)
    {
        var head = Encoding.UTF8.GetString(payload[..Math.Min(payload.Length, 2048)]);
        var firstLineEnd = head.IndexOf('\r') is var cr and >= 0 ? cr : head.IndexOf('\n');
        var firstLine = (firstLineEnd >= 0 ? head[..firstLineEnd] : head).Trim();
        if (firstLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal))
        {
            var status = firstLine["SIP/2.0 ".Length..];
            return (CSeqMethod(head) is { } method ? $"{status} ({method})" : status, LadderProtocol.Sip);
        }
        if (firstLine.EndsWith(" SIP/2.0", StringComparison.Ordinal) && firstLine.IndexOf(' ') is var space and > 0)
            return (firstLine[..space], LadderProtocol.Sip);
        var start = 0;
        while ((start = head.IndexOf('<', start)) >= 0 && start + 1 < head.Length)
        {
            if (char.IsLetter(head[start + 1]))
            {
                var end = start + 1;
                while (end < head.Length && (char.IsLetterOrDigit(head[end]) || head[end] is ':' or '_' or '-' or '.')) end++;
                var name = head[(start + 1)..end];
                return (name[(name.IndexOf(':') + 1)..], LadderProtocol.Csta);
            }
            start++;
        }
        return null;
    }

    private static string? CSeqMethod(string head)
    {
        foreach (var line in head.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase)) continue;
            var parts = trimmed[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 2 ? parts[1] : null;
        }
        return null;
    }
}

/// <summary>Which protocol an arrow carries.</summary>
public enum LadderProtocol
{
    /// <summary>A SIP request or response.</summary>
    Sip,

    /// <summary>A CSTA XML document.</summary>
    Csta,
}

/// <summary>One row of a ladder diagram.</summary>
public abstract record LadderEntry(TimeSpan At);

/// <summary>A message from one host to another.</summary>
public sealed record LadderArrow(TimeSpan At, string From, string To, string Label, LadderProtocol Protocol) : LadderEntry(At);

/// <summary>The start of a step.</summary>
public sealed record LadderStep(TimeSpan At, int Number, string Display) : LadderEntry(At);
