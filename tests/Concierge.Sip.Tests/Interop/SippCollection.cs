namespace Concierge.Sip.Tests.Interop;

/// <summary>SIPp runs at 200 calls/s on real sockets: it gets the machine to itself within this test assembly.</summary>
[CollectionDefinition("Sipp", DisableParallelization = true)]
public sealed class SippCollection;
