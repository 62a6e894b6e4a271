using Concierge.Csta.Messages;

namespace Concierge.Csta.Server;

/// <summary>Handles one CSTA service on the server side; answers through the context, now or later (or never, to simulate loss).</summary>
public interface ICstaServiceHandler<in TRequest> where TRequest : CstaRequest
{
    /// <summary>Handles one request.</summary>
    void Handle(TRequest request, CstaRequestContext context);
}
