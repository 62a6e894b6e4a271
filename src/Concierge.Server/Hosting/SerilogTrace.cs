using Concierge.Runtime.Tracing;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Hosting;

/// <summary>The engines' trace in the server: each record is a debug log line of the <c>Concierge.Trace</c> category.</summary>
internal sealed class SerilogTrace(ILogger logger) : ITrace
{
    public bool IsEnabled => logger.IsEnabled(LogLevel.Debug);

    public void Record(string source, string text)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("{TraceSource}: {TraceText}", source, text);
    }
}
