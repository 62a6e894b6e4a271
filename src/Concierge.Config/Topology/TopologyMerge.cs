namespace Concierge.Config.Topology;

/// <summary>
/// The <c>extends</c> merge: mappings merge key by key, recursively; a scalar or list in the derived file replaces the
/// inherited value whole; a mapping tagged <c>!replace</c> replaces the inherited mapping whole; a key set to <c>~</c>
/// (null) in the derived file removes the inherited key.
/// </summary>
public static class TopologyMerge
{
    /// <summary>Merges <paramref name="derived"/> over <paramref name="inherited"/>.</summary>
    public static TopologyMapping Merge(TopologyMapping inherited, TopologyMapping derived)
    {
        var entries = new List<TopologyEntry>();
        foreach (var entry in inherited.Entries)
        {
            var over = derived.Entries.FirstOrDefault(e => e.Key == entry.Key);
            if (over is null)
            {
                entries.Add(entry);
            }
            else if (over.Value is TopologyScalar { Value: null })
            {
                continue;
            }
            else if (entry.Value is TopologyMapping baseMap && over.Value is TopologyMapping { Replaces: false } overMap)
            {
                entries.Add(over with { Value = Merge(baseMap, overMap) });
            }
            else
            {
                entries.Add(over);
            }
        }
        foreach (var entry in derived.Entries)
        {
            if (inherited[entry.Key] is null && entry.Value is not TopologyScalar { Value: null })
            {
                entries.Add(entry);
            }
        }
        return new TopologyMapping(entries, derived.Source);
    }
}
