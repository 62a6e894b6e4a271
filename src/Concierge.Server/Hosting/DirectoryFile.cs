using Concierge.Cps.Directory;
using Concierge.Cps.Node;
using Concierge.Server.Options;

namespace Concierge.Server.Hosting;

/// <summary>
/// The phone book of <c>--directory &lt;csv&gt;</c>: checked before the server starts (every problem with its line,
/// field and value, exit 2) and imported into the node, where <c>/api/directory</c> searches it and callers' names come
/// from.
/// </summary>
public static class DirectoryFile
{
    /// <summary>Throws an <see cref="OptionException"/> naming <c>--directory</c> unless every line of <paramref name="path"/> is good.</summary>
    public static void Check(string? path)
    {
        if (path is null) return;
        using var reader = File.OpenText(path);
        Refuse(path, DirectoryCsv.Import(reader));
    }

    /// <summary>Imports <paramref name="path"/> into <paramref name="node"/> (checked before with <see cref="Check"/>).</summary>
    public static int ImportInto(CpsNode node, string path)
    {
        using var reader = File.OpenText(path);
        var result = node.ImportDirectory(reader);
        Refuse(path, result);
        return result.Directory!.Entries.Count;
    }

    private static void Refuse(string path, DirectoryImportResult result)
    {
        if (!result.Succeeded)
            throw new OptionException("--directory", path, "is not a good directory: " + string.Join("; ", result.Problems.Select(p => p.ToString())));
    }
}
