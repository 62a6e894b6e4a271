using Concierge.Config.Topology;
using Xunit.Abstractions;

namespace Concierge.Config.Tests.Topology;

public sealed class StandardTopologyLoadTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(RepositoryPaths.StandardTopologies);

    [Theory]
    [MemberData(nameof(Names))]
    public void Loads_without_errors_or_warnings(string name)
    {
        var document = TopologyLoader.FromDirectory(RepositoryPaths.Topologies).Load(name);
        foreach (var problem in document.Problems)
        {
            output.WriteLine(problem.ToString());
        }
        Assert.Empty(document.Problems);
        Assert.Equal(name, document.Chain[^1]);
    }
}
