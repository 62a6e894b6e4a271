using Concierge.Config.Numbers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Config.Tests.Numbers;

public sealed class NumberRangeTests
{
    private static E164Number At(int suffix) => E164Number.Parse($"+49505058{suffix:00000}");

    private static readonly Gen<NumberRange> SmallRanges =
        from first in Gen.Choose(0, 200)
        from size in Gen.Choose(1, 40)
        select new NumberRange(At(first), At(first + size - 1));

    [Fact]
    public void The_request_range_of_the_guide_holds_49_numbers()
    {
        var range = new NumberRange(E164Number.Parse("+4950505803301"), E164Number.Parse("+4950505803349"));
        Assert.Equal(49, range.Count);
        Assert.Equal(49, range.Numbers().Count());
        Assert.True(range.Contains(E164Number.Parse("+4950505803349")));
        Assert.False(range.Contains(E164Number.Parse("+4950505803350")));
    }

    [Fact]
    public void Malformed_ranges_say_why()
    {
        Assert.Equal("the first number is after the last", new NumberRange(At(10), At(9)).Problem);
        Assert.Equal("first and last number differ in length", new NumberRange(At(1), E164Number.Parse("+491")).Problem);
        Assert.Equal(0, new NumberRange(At(10), At(9)).Count);
    }

    [Property]
    public Property Overlap_is_symmetric_and_means_a_shared_number() =>
        Prop.ForAll(SmallRanges.ToArbitrary(), SmallRanges.ToArbitrary(), (a, b) =>
        {
            var shared = a.Numbers().Any(b.Contains);
            return a.Overlaps(b) == b.Overlaps(a) && a.Overlaps(b) == shared;
        });

    [Property]
    public Property Count_matches_the_numbers_listed_and_each_is_contained() =>
        Prop.ForAll(SmallRanges.ToArbitrary(), range =>
        {
            var numbers = range.Numbers().ToList();
            return numbers.Count == range.Count && numbers.All(range.Contains) && numbers[0] == range.First && numbers[^1] == range.Last;
        });
}
