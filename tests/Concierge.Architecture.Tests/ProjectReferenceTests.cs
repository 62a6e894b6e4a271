namespace Concierge.Architecture.Tests;

public sealed class ProjectReferenceTests
{
    [Fact]
    public void Nothing_in_src_references_a_simulator_a_test_or_the_scenario_runner()
    {
        var broken = ProjectReferenceRules.Check(RepositoryRoot.Path);
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void The_rules_see_every_project_of_src()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToArray();
        foreach (var engine in ProjectReferenceRules.EngineLibraries) Assert.Contains(engine, projects);
        Assert.DoesNotContain(ProjectReferenceRules.ScenarioRunner, projects);
    }

    [Fact]
    public void A_planted_reference_to_a_simulator_or_the_scenario_runner_is_caught()
    {
        var root = Directory.CreateTempSubdirectory("concierge-references-");
        try
        {
            Plant(root.FullName, "src/Concierge.Cps/Concierge.Cps.csproj", "../Concierge.Sip/Concierge.Sip.csproj", "../../simulators/Concierge.Simulators.Osv/Concierge.Simulators.Osv.csproj");
            Plant(root.FullName, "src/Concierge.Sip/Concierge.Sip.csproj");
            Plant(root.FullName, "src/Concierge.Media/Concierge.Media.csproj", "../../tests/Concierge.Media.Tests/Concierge.Media.Tests.csproj");
            Plant(root.FullName, "src/Concierge.Config/Concierge.Config.csproj", "..\\Concierge.Scenarios\\Concierge.Scenarios.csproj");

            var broken = ProjectReferenceRules.Check(root.FullName);

            Assert.Equal(3, broken.Count);
            Assert.Contains(broken, b => b.Project == "src/Concierge.Cps/Concierge.Cps.csproj"
                                         && b.Referenced == "simulators/Concierge.Simulators.Osv/Concierge.Simulators.Osv.csproj");
            Assert.Contains(broken, b => b.Project == "src/Concierge.Media/Concierge.Media.csproj" && b.Referenced.StartsWith("tests/", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Project == "src/Concierge.Config/Concierge.Config.csproj" && b.Rule.Contains("scenario runner", StringComparison.Ordinal));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void Plant(string root, string project, params string[] references)
    {
        var path = Path.Combine(root, project);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var items = string.Concat(references.Select(r => $"<ProjectReference Include=\"{r}\" />"));
        File.WriteAllText(path, $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>{items}</ItemGroup></Project>");
    }
}
