namespace Concierge.Interop.Tests.Support;

/// <summary>Files of the repository the tests run from (the folder holding Concierge.sln above the test binaries).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>A file of tests/interop (the Kamailio configuration, SIPp scenarios, the topology).</summary>
    public static string Interop(params string[] parts) => Path.Combine([Root, "tests", "interop", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Concierge.sln"))) return dir.FullName;
        throw new InvalidOperationException("no Concierge.sln above " + AppContext.BaseDirectory);
    }
}
