using Concierge.Config.Topology;
using Concierge.Config.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Config.Tests.Topology;

public sealed class TopologyMergePropertyTests
{
    private static readonly SourceLocation At = new("gen.yaml", 1, 1);
    private static readonly string[] Keys = ["a", "b", "c", "d"];

    private static Gen<TopologyNode> Node(int depth, bool nulls)
    {
        var scalar = Gen.Elements("0", "1", "2", "x").Select(v => (TopologyNode)new TopologyScalar(v, At));
        var leaf = nulls ? Gen.OneOf(scalar, Gen.Constant((TopologyNode)new TopologyScalar(null, At))) : scalar;
        if (depth == 0)
        {
            return leaf;
        }
        var sequence = Gen.ListOf(scalar, 2).Select(items => (TopologyNode)new TopologySequence(items.ToList(), At));
        return Gen.Frequency((3, leaf), (1, sequence), (3, Mapping(depth - 1, nulls).Select(m => (TopologyNode)m)));
    }

    private static Gen<TopologyMapping> Shaped(int depth) =>
        from keys in Gen.SubListOf(Keys)
        from values in Gen.ListOf(Node(0, nulls: false), keys.Count)
        from children in Gen.ListOf(depth == 0 ? Gen.Constant(Empty) : Shaped(depth - 1), keys.Count)
        select new TopologyMapping(keys.Select((k, i) => new TopologyEntry(k, At, k is "a" or "b" ? children[i] : values[i])).ToList(), At);

    private static Gen<TopologyMapping> Mapping(int depth, bool nulls) =>
        from keys in Gen.SubListOf(Keys)
        from values in Gen.ListOf(Node(depth, nulls), keys.Count)
        select new TopologyMapping(keys.Zip(values, (k, v) => new TopologyEntry(k, At, v)).ToList(), At);

    private static string Text(TopologyNode node) => TopologyYamlWriter.Write(node);

    private static readonly TopologyMapping Empty = new([], At);

    [Property]
    public Property Merging_over_nothing_or_with_nothing_changes_nothing() =>
        Prop.ForAll(Mapping(3, nulls: false).ToArbitrary(), m =>
            Text(TopologyMerge.Merge(m, Empty)) == Text(m) && Text(TopologyMerge.Merge(Empty, m)) == Text(m))
            ;

    [Property]
    public Property Derived_values_win_inherited_only_keys_stay_and_nulls_remove() =>
        Prop.ForAll(Mapping(3, nulls: true).ToArbitrary(), Mapping(3, nulls: true).ToArbitrary(), (inherited, derived) =>
        {
            var merged = TopologyMerge.Merge(inherited, derived);
            return Keys.All(key =>
            {
                var over = derived[key];
                var under = inherited[key];
                var result = merged[key];
                return over switch
                {
                    null => under is null ? result is null : Text(result!) == Text(under),
                    TopologyScalar { Value: null } => result is null,
                    TopologyMapping overMap when under is TopologyMapping underMap => Text(result!) == Text(TopologyMerge.Merge(underMap, overMap)),
                    _ => Text(result!) == Text(over),
                };
            });
        });

    /// <summary>
    /// Associative when each key keeps its kind (a mapping stays a mapping) and nothing is removed; an extends chain is
    /// always folded from its most basic file, so kind changes along a chain still merge in a defined order.
    /// </summary>
    [Property]
    public Property With_stable_kinds_and_no_nulls_merging_is_associative() =>
        Prop.ForAll(Shaped(3).ToArbitrary(), Shaped(3).ToArbitrary(), Shaped(3).ToArbitrary(),
                (a, b, c) => Text(TopologyMerge.Merge(TopologyMerge.Merge(a, b), c)) == Text(TopologyMerge.Merge(a, TopologyMerge.Merge(b, c))))
            ;
}
