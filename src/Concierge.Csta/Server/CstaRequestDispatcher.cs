using Concierge.Csta.Messages;

namespace Concierge.Csta.Server;

/// <summary>Routes server-side requests to the handler registered for their service; unknown services get serviceNotSupported.</summary>
public sealed class CstaRequestDispatcher
{
    private readonly Dictionary<Type, Action<CstaRequest, CstaRequestContext>> _handlers = new();

    /// <summary>Registers (or replaces) the handler of one service.</summary>
    public CstaRequestDispatcher Register<TRequest>(ICstaServiceHandler<TRequest> handler) where TRequest : CstaRequest
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[typeof(TRequest)] = (request, context) => handler.Handle((TRequest)request, context);
        return this;
    }

    /// <summary>Registers (or replaces) the handler of one service as a delegate.</summary>
    public CstaRequestDispatcher Register<TRequest>(Action<TRequest, CstaRequestContext> handler) where TRequest : CstaRequest
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[typeof(TRequest)] = (request, context) => handler((TRequest)request, context);
        return this;
    }

    /// <summary>Removes the handler of one service.</summary>
    public void Unregister<TRequest>() where TRequest : CstaRequest => _handlers.Remove(typeof(TRequest));

    /// <summary>True when a handler is registered for the request's service.</summary>
    public bool Handles(CstaRequest request) => _handlers.ContainsKey(request.GetType());

    /// <summary>Hands the request to its handler, or answers serviceNotSupported.</summary>
    public void Dispatch(CstaRequestContext context)
    {
        if (_handlers.TryGetValue(context.Request.GetType(), out var handler)) handler(context.Request, context);
        else context.Respond(CstaErrorResponse.ServiceNotSupported);
    }
}
