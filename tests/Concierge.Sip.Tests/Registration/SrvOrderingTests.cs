using Concierge.Runtime.Randomness;
using Concierge.Sip.Registration;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Registration;

public class SrvOrderingTests
{
    [Fact]
    public void Lower_priority_values_come_first_and_weights_share_the_first_place()
    {
        var records = new[]
        {
            new SipSrvRecord(20, 0, 5060, "backup"),
            new SipSrvRecord(10, 80, 5060, "big"),
            new SipSrvRecord(10, 20, 5060, "small"),
        };
        var random = new DeterministicRandom(5);
        var bigFirst = 0;
        const int draws = 10_000;
        for (var i = 0; i < draws; i++)
        {
            var order = SrvOrdering.Order(records, random);
            Assert.Equal("backup", order[2].Target);
            if (order[0].Target == "big") bigFirst++;
        }
        Assert.InRange(bigFirst / (double)draws, 0.77, 0.83);
    }

    [Fact]
    public void Ordering_is_a_permutation_sorted_by_priority()
    {
        var record = from p in Gen.Choose(0, 3) from w in Gen.Choose(0, 100) from port in Gen.Choose(1, 65535) select new SipSrvRecord(p, w, port, "h" + port);
        var gen = from list in Gen.ListOf(record) from seed in ArbMap.Default.GeneratorFor<ulong>() select (list, seed);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var ordered = SrvOrdering.Order(x.list, new DeterministicRandom(x.seed));
            return ordered.Count == x.list.Count
                && ordered.OrderBy(r => r.GetHashCode()).SequenceEqual(x.list.OrderBy(r => r.GetHashCode()))
                && ordered.Zip(ordered.Skip(1)).All(pair => pair.First.Priority <= pair.Second.Priority);
        }).QuickCheckThrowOnFailure();
    }
}
