using Concierge.Sip.Tests.Support;

namespace Concierge.Sip.Tests.Torture;

/// <summary>Keeps the suite honest: every message of the corpus has its own Rfc4475 test.</summary>
public class Rfc4475CorpusTests
{
    [Fact]
    public void Every_corpus_message_has_a_test()
    {
        var files = TestData.TortureFiles().ToList();
        Assert.Equal(49, files.Count);
        var testNames = typeof(Rfc4475CorpusTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.Name)
            .Where(n => n.StartsWith("Rfc4475_", StringComparison.Ordinal))
            .ToList();
        var missing = files.Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(stem => !testNames.Any(n => n.StartsWith("Rfc4475_" + stem + "_", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(missing);
    }
}
