using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Support;

/// <summary>The repository root the tests run in, found from the test binaries.</summary>
public static class TestRepository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
        RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no Concierge.sln above " + AppContext.BaseDirectory));

    /// <summary>The folder that holds Concierge.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>STEPS.md of the shared design folder (`../shared/design/STEPS.md` from the root).</summary>
    public static string StepsDocument => Path.GetFullPath(Path.Combine(Root, "..", "shared", "design", "STEPS.md"));
}
