using Concierge.Csta.Messages;

namespace Concierge.Csta.Server;

/// <summary>One request received by the server side, answerable now or later, exactly once.</summary>
public sealed class CstaRequestContext
{
    private readonly Action<int, CstaMessage> _send;

    internal CstaRequestContext(CstaServerLink link, int invokeId, CstaRequest request, Action<int, CstaMessage> send)
    {
        Link = link;
        InvokeId = invokeId;
        Request = request;
        _send = send;
    }

    /// <summary>The link the request came in on.</summary>
    public CstaServerLink Link { get; }

    /// <summary>The request's invoke id.</summary>
    public int InvokeId { get; }

    /// <summary>The request.</summary>
    public CstaRequest Request { get; }

    /// <summary>True once answered.</summary>
    public bool Answered { get; private set; }

    /// <summary>Sends the answer (a response or a <see cref="CstaErrorResponse"/>); later calls are ignored.</summary>
    public void Respond(CstaMessage answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (Answered) return;
        Answered = true;
        _send(InvokeId, answer);
    }
}
