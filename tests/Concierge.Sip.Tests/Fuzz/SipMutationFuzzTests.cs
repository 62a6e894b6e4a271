using System.Globalization;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing over the RFC 4475 corpus. The suite runs 100,000 mutations; set SIP_FUZZ_MUTATIONS (and
/// optionally SIP_FUZZ_SEED) for a longer run, e.g. SIP_FUZZ_MUTATIONS=5000000 dotnet test tests/Concierge.Sip.Tests --filter SipMutationFuzz.
/// </summary>
public class SipMutationFuzzTests
{
    private const int SuiteMutations = 100_000;

    [Fact]
    public void SipMutationFuzz_no_exception_escapes_and_memory_stays_bounded()
    {
        var mutations = int.TryParse(Environment.GetEnvironmentVariable("SIP_FUZZ_MUTATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? Math.Max(n, SuiteMutations)
            : SuiteMutations;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("SIP_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 4475UL;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var run = new SipFuzzRun();
        run.Run(seed, mutations);

        // the 100,000 mutated inputs and their messages amount to hundreds of MB; none of it may stay reachable (other test classes share the heap, hence the slack)
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(mutations, run.Mutations);
        Assert.Equal(mutations, run.Parsed + run.Rejected);
        Assert.True(run.Parsed > mutations / 10, $"only {run.Parsed} mutated messages parsed");
        Assert.True(run.Rejected > mutations / 10, $"only {run.Rejected} mutated messages rejected");
        Assert.True(run.ErrorKinds.ContainsKey(SipParseErrorKind.MessageTooLarge) && run.ErrorKinds.ContainsKey(SipParseErrorKind.TooManyHeaders),
            "huge-header mutations must hit the bounds");
        Assert.True(after - before < 64 * 1024 * 1024, $"retained memory grew by {after - before} bytes");
    }
}
