using Concierge.Config.Topology;

namespace Concierge.Config.Tests.Topology;

public sealed class TopologyMergeTests
{
    private static TopologyMapping Load(string yaml, params (string Name, string Yaml)[] others) => MinimalTopology.Load(yaml, others).Root;

    [Fact]
    public void Maps_merge_deeply_and_new_keys_come_after_inherited_ones()
    {
        var root = Load("extends: base\nsection:\n  inner:\n    b: 20\n    c: 3\n  other: x\n",
            ("base", "section:\n  inner:\n    a: 1\n    b: 2\n  kept: yes\n"));
        var section = root.Mapping("section")!;
        Assert.Equal(["inner", "kept", "other"], section.Keys);
        var inner = section.Mapping("inner")!;
        Assert.Equal(["a", "b", "c"], inner.Keys);
        Assert.Equal(("1", "20", "3"), (inner.Text("a"), inner.Text("b"), inner.Text("c")));
        Assert.Null(root["extends"]);
    }

    [Fact]
    public void Lists_and_scalars_are_replaced_whole()
    {
        var root = Load("extends: base\nlist: [c]\nvalue: new\n", ("base", "list: [a, b]\nvalue: old\n"));
        Assert.Equal(["c"], root.Sequence("list")!.Items.Cast<TopologyScalar>().Select(s => s.Value));
        Assert.Equal("new", root.Text("value"));
    }

    [Fact]
    public void Null_removes_an_inherited_key()
    {
        var root = Load("extends: base\nsection:\n  a: ~\nother: ~\n", ("base", "section:\n  a: 1\n  b: 2\nother: 3\n"));
        Assert.Equal(["b"], root.Mapping("section")!.Keys);
        Assert.Null(root["other"]);
    }

    [Fact]
    public void A_replace_tag_replaces_a_mapping_whole()
    {
        var root = Load("extends: base\nsection: !replace\n  c: 3\n", ("base", "section:\n  a: 1\n  b: 2\n"));
        Assert.Equal(["c"], root.Mapping("section")!.Keys);
    }

    [Fact]
    public void Chains_merge_from_the_most_basic_file_and_locations_point_at_the_file_that_wrote_the_value()
    {
        var document = MinimalTopology.Load("extends: middle\nv: 3\n", ("middle", "extends: base\nw: 2\n"), ("base", "v: 1\nw: 1\nx: 1\n"));
        Assert.Equal(["base", "middle", "test"], document.Chain);
        Assert.Equal(("3", "2", "1"), (document.Root.Text("v"), document.Root.Text("w"), document.Root.Text("x")));
        Assert.Equal("test.yaml", document.Root["v"]!.Source.File);
        Assert.Equal("middle.yaml", document.Root["w"]!.Source.File);
        Assert.Equal("base.yaml", document.Root["x"]!.Source.File);
    }

    [Fact]
    public void A_merged_section_can_be_written_back_as_yaml_for_the_simulators()
    {
        var document = StandardTopologies.Load("osv-standby");
        var yaml = document.SectionYaml("osv")!;
        var reread = MinimalTopology.Load(yaml);
        Assert.Empty(reread.Problems);
        var aliases = reread.Root.Mapping("endpoints")!.Mapping("CPS001")!.Sequence("aliases")!;
        Assert.Equal(["CPS1", "192.0.2.20", "192.0.2.21"], aliases.Items.Cast<TopologyScalar>().Select(s => s.Value));
        Assert.Null(reread.Root.Mapping("businessGroups")!.Mapping("BG_Concierge")!.Mapping("huntGroups")!
            .Mapping("+4950505805520")!.Text("overflowDestination"));
    }
}
