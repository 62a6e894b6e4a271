namespace Concierge.Sip.Tests.Support;

/// <summary>Locates ../shared/testdata relative to the repository root (the folder holding Concierge.sln).</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string TortureFolder => Path.Combine(Root.Value, "..", "shared", "testdata", "sip-torture", "rfc4475");

    public static byte[] Torture(string file) => File.ReadAllBytes(Path.Combine(TortureFolder, file));

    public static IEnumerable<string> TortureFiles() =>
        Directory.GetFiles(TortureFolder, "*.dat").Select(Path.GetFileName).OfType<string>().OrderBy(f => f, StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concierge.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Concierge.sln not found above " + AppContext.BaseDirectory);
    }
}
