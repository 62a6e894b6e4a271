using System.Text;
using Concierge.Scenarios.Running;

namespace Concierge.Scenarios.Reports.Ladders;

/// <summary>`--ladders &lt;dir&gt;`: one SVG per scenario run, named after the feature, the scenario and the seed.</summary>
public static class LadderFiles
{
    /// <summary>Writes the ladder of every run of <paramref name="suite"/> that recorded one; returns how many.</summary>
    public static int Write(string folder, SuiteResult suite)
    {
        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var result in suite.Results)
        {
            if (result.Ladder is not { } ladder) continue;
            var svg = LadderSvg.Build(ladder, $"{result.Case.Name} — seed {result.Seed} hash {result.Hash}", result.Failure?.StepNumber ?? 0);
            File.WriteAllText(Path.Combine(folder, FileName(result)), svg, Encoding.UTF8);
            written++;
        }
        return written;
    }

    /// <summary>`acd-rna--rna-timeout-re-routes-the-call--seed-1.svg`: letters, digits and hyphens only.</summary>
    public static string FileName(ScenarioResult result)
    {
        var feature = Path.ChangeExtension(result.Case.FeaturePath, null);
        if (feature.StartsWith("features/", StringComparison.Ordinal)) feature = feature["features/".Length..];
        return $"{Slug(feature)}--{Slug(result.Case.Name)}--seed-{result.Seed}.svg";
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        return result.Length > 80 ? result[..80].TrimEnd('-') : result;
    }
}
