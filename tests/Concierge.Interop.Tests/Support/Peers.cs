namespace Concierge.Interop.Tests.Support;

/// <summary>
/// The real peers the interop tests run: Debian's kamailio, sip-tester (sipp) and sipsak. A missing one fails the
/// test with how to get it (./test.sh installs them); it is never skipped silently.
/// </summary>
internal static class Peers
{
    public static string Kamailio => Find("kamailio", "kamailio");

    public static string Sipp => Find("sipp", "sip-tester");

    public static string Sipsak => Find("sipsak", "sipsak");

    private static string Find(string program, string package)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin", "/usr/local/sbin"]);
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"{program} is not installed: run the tests with ./test.sh, which installs Debian's {package} " +
                    $"(or apt-get install -y --no-install-recommends {package})");
        return string.Empty;
    }
}
