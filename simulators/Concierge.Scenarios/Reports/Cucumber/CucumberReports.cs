using Cucumber.HtmlFormatter;
using Io.Cucumber.Messages.Types;

namespace Concierge.Scenarios.Reports.Cucumber;

/// <summary>Writes a run's Cucumber Messages as NDJSON (`--messages`) and as Cucumber's HTML report (`--html`).</summary>
public static class CucumberReports
{
    /// <summary>One envelope per line.</summary>
    public static void WriteMessages(string path, IEnumerable<Envelope> envelopes)
    {
        CreateFolder(path);
        using var writer = new StreamWriter(path, append: false);
        writer.NewLine = "\n";
        foreach (var envelope in envelopes) writer.WriteLine(CucumberJson.Serialize(envelope));
    }

    /// <summary>Cucumber's self-contained HTML report of the envelopes.</summary>
    public static void WriteHtml(string path, IEnumerable<Envelope> envelopes)
    {
        CreateFolder(path);
        WriteHtmlAsync(path, envelopes).GetAwaiter().GetResult();
    }

    private static async Task WriteHtmlAsync(string path, IEnumerable<Envelope> envelopes)
    {
        await using var stream = File.Create(path);
        await using var html = new MessagesToHtmlWriter(stream, (writer, envelope) => writer.WriteAsync(CucumberJson.Serialize(envelope)), new HtmlReportSettings());
        foreach (var envelope in envelopes) await html.WriteAsync(envelope);
    }

    private static void CreateFolder(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
    }
}
