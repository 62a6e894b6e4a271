using Xunit.Abstractions;
using Xunit.Sdk;

namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>Passes messages on, turning a failure by <see cref="ScenarioPendingException"/> into a skip with the pending reason.</summary>
internal sealed class PendingAsSkippedMessageBus(IMessageBus inner) : IMessageBus
{
    /// <summary>How many failures were turned into skips.</summary>
    public int Skipped { get; private set; }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() == typeof(ScenarioPendingException).FullName)
        {
            Skipped++;
            return inner.QueueMessage(new TestSkipped(failed.Test, "pending: " + (failed.Messages.FirstOrDefault() ?? "")));
        }
        return inner.QueueMessage(message);
    }

    public void Dispose()
    {
        // The inner bus belongs to the caller.
    }
}
