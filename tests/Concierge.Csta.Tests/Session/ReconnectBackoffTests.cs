using Concierge.Csta.Session;
using Concierge.Runtime.Randomness;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Session;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Doubles_up_to_the_cap_and_resets()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0, null);
        var delays = Enumerable.Range(0, 6).Select(_ => backoff.NextDelay().TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
        backoff.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay());
    }

    [Fact]
    public void Jittered_delay_stays_within_cap_plus_jitter()
    {
        Prop.ForAll(Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (attempts, seed) =>
        {
            var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 0.2, new DeterministicRandom((ulong)seed));
            var delays = Enumerable.Range(0, attempts).Select(_ => backoff.NextDelay()).ToList();
            return delays.All(d => d >= TimeSpan.FromMilliseconds(500) && d <= TimeSpan.FromSeconds(36));
        }).QuickCheckThrowOnFailure();
    }
}
