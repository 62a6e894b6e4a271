namespace Concierge.Interop.Tests.Support;

/// <summary>The interop tests start Kamailio, SIPp and server processes: one at a time within this assembly.</summary>
[CollectionDefinition("Interop", DisableParallelization = true)]
public sealed class InteropCollection;
