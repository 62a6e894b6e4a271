namespace Concierge.Architecture.Tests;

public sealed class DeterminismGuardTests
{
    [Fact]
    public void Engines_and_simulators_take_time_and_randomness_only_from_the_runtime()
    {
        var uses = ForbiddenApiScanner.Scan(RepositoryRoot.Path, "src", "simulators");
        Assert.True(uses.Count == 0, "clock, sleep or randomness outside the runtime's adapters:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void The_scanner_finds_the_sources_it_guards()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories).Count();
        Assert.True(sources > 20, $"expected the src tree, found {sources} files");
    }

    [Theory]
    [InlineData("var t = DateTime.Now;", "DateTime.Now/UtcNow")]
    [InlineData("var t = DateTime.UtcNow;", "DateTime.Now/UtcNow")]
    [InlineData("var t = DateTimeOffset.UtcNow;", "DateTimeOffset.Now/UtcNow")]
    [InlineData("var sw = Stopwatch.StartNew();", "Stopwatch")]
    [InlineData("Thread.Sleep(100);", "Thread.Sleep")]
    [InlineData("await Task.Delay(100);", "Task.Delay without a TimeProvider")]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(1), token);", "Task.Delay without a TimeProvider")]
    [InlineData("var n = Random.Shared.Next();", "Random.Shared")]
    [InlineData("var r = new Random(42);", "new Random()")]
    [InlineData("var r = new System.Random();", "new Random()")]
    [InlineData("var t = Environment.TickCount64;", "Environment.TickCount")]
    [InlineData("var id = Guid.NewGuid();", "Guid.NewGuid")]
    public void The_scanner_catches_a_planted_call(string line, string api)
    {
        var planted = $"namespace Planted;\nclass Engine\n{{\n    void Tick()\n    {{\n        {line}\n    }}\n}}\n";
        var use = Assert.Single(ForbiddenApiScanner.ScanText("src/Planted/Engine.cs", planted));
        Assert.Equal(api, use.Api);
        Assert.Equal(6, use.Line);
    }

    [Fact]
    public void The_scanner_catches_a_planted_file_in_a_source_tree()
    {
        var root = Directory.CreateTempSubdirectory("concierge-guard-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "simulators", "Fake"));
            File.WriteAllText(Path.Combine(root.FullName, "simulators", "Fake", "Clock.cs"), "class C { long Now() => DateTime.UtcNow.Ticks; }\n");
            Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Concierge.Runtime", "Loop"));
            File.WriteAllText(Path.Combine(root.FullName, "src", "Concierge.Runtime", "Loop", "RealEventLoop.cs"), "class L { void W() => Thread.Sleep(1); }\n");

            var uses = ForbiddenApiScanner.Scan(root.FullName, "src", "simulators");

            var use = Assert.Single(uses);
            Assert.Equal("simulators/Fake/Clock.cs", use.File);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("// DateTime.Now is forbidden")]
    [InlineData("/* Thread.Sleep(1) */ var x = 1;")]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider);")]
    [InlineData("await Task.Delay(delay, loop.Time, token);")]
    [InlineData("var provider = TimeProvider.System;")]
    public void The_scanner_lets_allowed_code_through(string line)
    {
        Assert.Empty(ForbiddenApiScanner.ScanText("src/X.cs", line));
    }
}
