using System.Text.RegularExpressions;

namespace Concierge.Architecture.Tests;

/// <summary>One use of a clock, sleep or randomness source that engines must not touch.</summary>
public sealed record ForbiddenApiUse(string File, int Line, string Api, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Api} in `{Text.Trim()}`";
}

/// <summary>
/// Finds wall-clock time, sleeps and unseeded randomness in C# sources. Engines and simulators take time from a
/// TimeProvider and randomness from the seeded generator; only the real-time adapters may touch the real thing.
/// </summary>
public static partial class ForbiddenApiScanner
{
    private static readonly (string Api, Regex Pattern)[] Rules =
    [
        ("DateTime.Now/UtcNow", DateTimeNow()),
        ("DateTimeOffset.Now/UtcNow", DateTimeOffsetNow()),
        ("Stopwatch", StopwatchUse()),
        ("Thread.Sleep", ThreadSleep()),
        ("Random.Shared", RandomShared()),
        ("new Random()", NewRandom()),
        ("Environment.TickCount", TickCount()),
        ("Guid.NewGuid", NewGuid()),
    ];

    /// <summary>Paths (with forward slashes, relative to the repository) allowed to use the real clock.</summary>
    public static readonly string[] AllowedPaths =
    [
        "src/Concierge.Runtime/Loop/RealEventLoop.cs",
        "src/Concierge.Runtime/Loop/LoopTimeProvider.cs",
        "src/Concierge.Runtime/Transports/Sockets/",
        "src/Concierge.Server/Hosting/",
    ];

    /// <summary>Scans every .cs file under <paramref name="folders"/> (relative to <paramref name="root"/>).</summary>
    public static IReadOnlyList<ForbiddenApiUse> Scan(string root, params string[] folders)
    {
        var found = new List<ForbiddenApiUse>();
        foreach (var folder in folders)
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/") || relative.Contains("/obj/")) continue;
                if (AllowedPaths.Any(allowed => relative.StartsWith(allowed, StringComparison.Ordinal))) continue;
                found.AddRange(ScanText(relative, File.ReadAllText(file)));
            }
        }
        return found;
    }

    /// <summary>Scans one file's text; comments are ignored.</summary>
    public static IEnumerable<ForbiddenApiUse> ScanText(string file, string text)
    {
        var lines = text.Split('\n');
        var inBlockComment = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var code = StripComments(lines[i], ref inBlockComment);
            foreach (var (api, pattern) in Rules)
                if (pattern.IsMatch(code)) yield return new ForbiddenApiUse(file, i + 1, api, lines[i]);
            foreach (Match delay in TaskDelay().Matches(code))
                if (!PassesTimeProvider(code, delay.Index + delay.Length))
                    yield return new ForbiddenApiUse(file, i + 1, "Task.Delay without a TimeProvider", lines[i]);
        }
    }

    private static bool PassesTimeProvider(string code, int argumentsStart)
    {
        // Task.Delay(delay, timeProvider[, token]) is the allowed overload: at least two top-level arguments and
        // the second is not a cancellation token.
        var depth = 0;
        var arguments = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = argumentsStart; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '(') depth++;
            if (c == ')')
            {
                if (depth == 0) break;
                depth--;
            }
            if (c == ',' && depth == 0)
            {
                arguments.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        arguments.Add(current.ToString().Trim());
        if (arguments.Count < 2) return false;
        var second = arguments[1];
        return !(second.Contains("token", StringComparison.OrdinalIgnoreCase) || second is "ct" or "default" || second.StartsWith("CancellationToken", StringComparison.Ordinal));
    }

    private static string StripComments(string line, ref bool inBlockComment)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (inBlockComment)
            {
                if (i + 1 < line.Length && line[i] == '*' && line[i + 1] == '/') { inBlockComment = false; i++; }
                continue;
            }
            if (i + 1 < line.Length && line[i] == '/' && line[i + 1] == '/') break;
            if (i + 1 < line.Length && line[i] == '/' && line[i + 1] == '*') { inBlockComment = true; i++; continue; }
            result.Append(line[i]);
        }
        return result.ToString();
    }

    [GeneratedRegex(@"\bDateTime\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex DateTimeNow();

    [GeneratedRegex(@"\bDateTimeOffset\s*\.\s*(Now|UtcNow)\b")]
    private static partial Regex DateTimeOffsetNow();

    [GeneratedRegex(@"\bStopwatch\b")]
    private static partial Regex StopwatchUse();

    [GeneratedRegex(@"\bThread\s*\.\s*Sleep\s*\(")]
    private static partial Regex ThreadSleep();

    [GeneratedRegex(@"\bRandom\s*\.\s*Shared\b")]
    private static partial Regex RandomShared();

    [GeneratedRegex(@"\bnew\s+(System\.)?Random\s*\(")]
    private static partial Regex NewRandom();

    [GeneratedRegex(@"\bEnvironment\s*\.\s*TickCount(64)?\b")]
    private static partial Regex TickCount();

    [GeneratedRegex(@"\bGuid\s*\.\s*NewGuid\s*\(")]
    private static partial Regex NewGuid();

    [GeneratedRegex(@"\bTask\s*\.\s*Delay\s*\(")]
    private static partial Regex TaskDelay();
}
