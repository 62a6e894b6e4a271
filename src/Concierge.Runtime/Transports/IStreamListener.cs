using System.Net;

namespace Concierge.Runtime.Transports;

/// <summary>A listening stream endpoint; each accepted connection gets the handler the accept callback returns.</summary>
public interface IStreamListener : IDisposable
{
    /// <summary>The address and port being listened on.</summary>
    IPEndPoint LocalEndPoint { get; }
}
