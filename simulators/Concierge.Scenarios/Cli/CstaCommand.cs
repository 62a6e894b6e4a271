using System.CommandLine;
using System.Text.Json;
using Concierge.Csta.Codec;
using Concierge.Csta.Numbers;
using Concierge.Csta.Traces;

namespace Concierge.Scenarios.Cli;

/// <summary>
/// `concierge-sim csta decode &lt;files…&gt; [--json] [--lenient] [--routing cc,area,trunk,extLen,public,national,international]`:
/// decodes the CSTA documents of trace files (framed with the 8-byte OSV header, or bare XML) and prints one line or
/// JSON object per document: the message and its fields with device numbers normalised to E.164, or why it could
/// not be read (file and byte offset). Exit code 0 when every document was read (unknown events count as read),
/// 1 when one was not, 2 on a usage error.
/// </summary>
public static class CstaCommand
{
    /// <summary>Builds the `csta` command with its `decode` subcommand.</summary>
    public static Command Build(TextWriter output, string workingDirectory)
    {
        var files = new Argument<string[]>("files") { Description = "Trace files: framed (8-byte OSV header) or bare XML.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per document instead of one line." };
        var lenient = new Option<bool>("--lenient") { Description = "Also read edition 2 documents and documents without a namespace (as a lenient link does)." };
        var routing = new Option<string?>("--routing")
        {
            Description = "PABX routing data for normalising numbers: country,area,trunk,max extension length,public,national,international access codes, e.g. 49,5050,580,4,0,0,00.",
        };
        var decode = new Command("decode", "Decode CSTA documents from trace files, one line (or JSON object) per document.") { files, json, lenient, routing };
        decode.SetAction(parse =>
        {
            NumberPlan? plan = null;
            if (parse.GetValue(routing) is { } text)
            {
                if (ParseRouting(text, out plan) is { } problem)
                {
                    output.WriteLine($"error: --routing '{text}': {problem}");
                    return RunCommand.UsageError;
                }
            }
            var normaliser = new DeviceNumberNormaliser(plan);
            var reader = new CstaTraceReader(new CstaXmlCodec(new CstaDialect { Lenient = parse.GetValue(lenient), ReadDevice = normaliser.Normalise }));
            var allRead = true;
            foreach (var name in parse.GetValue(files)!)
            {
                var path = Path.GetFullPath(name, workingDirectory);
                if (!File.Exists(path))
                {
                    output.WriteLine($"error: no file at {path}");
                    return RunCommand.UsageError;
                }
                if (new FileInfo(path).Length > CstaTraceReader.MaxFileBytes)
                {
                    output.WriteLine($"error: {name} is larger than {CstaTraceReader.MaxFileBytes} bytes");
                    return RunCommand.UsageError;
                }
                foreach (var document in reader.Read(name, File.ReadAllBytes(path)))
                {
                    if (!document.IsMessage && !document.Ignored) allRead = false;
                    output.WriteLine(parse.GetValue(json) ? Json(document) : Line(document));
                }
            }
            return allRead ? 0 : 1;
        });
        var csta = new Command("csta", "CSTA tools for operators reading traces.");
        csta.Subcommands.Add(decode);
        return csta;
    }

    /// <summary>"file@offset #invoke Message field=value …", or "… error: reason", or "… ignored: reason".</summary>
    public static string Line(DecodedDocument d)
    {
        var head = $"{d.File}@{d.Offset}" + (d.InvokeId is { } id ? $" #{id:D4}" : "");
        if (d.Message is not null) head += " " + d.Message;
        if (d.Ignored) return $"{head} ignored: {d.Error}";
        if (d.Error is not null) return $"{head} error: {d.Error}";
        return d.Fields.Count == 0 ? head : head + " " + string.Join(" ", d.Fields.Select(f => $"{f.Key}={Quote(f.Value)}"));
    }

    /// <summary>One JSON object: file, offset, invokeId, message, and fields or error (and ignored).</summary>
    public static string Json(DecodedDocument d)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("file", d.File);
            w.WriteNumber("offset", d.Offset);
            if (d.InvokeId is { } id) w.WriteNumber("invokeId", id);
            if (d.Message is not null) w.WriteString("message", d.Message);
            if (d.Error is not null)
            {
                w.WriteString("error", d.Error);
                if (d.Ignored) w.WriteBoolean("ignored", true);
            }
            else
            {
                w.WriteStartObject("fields");
                foreach (var (key, value) in d.Fields) w.WriteString(key, value);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c == '"') ? value : "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string? ParseRouting(string text, out NumberPlan? plan)
    {
        plan = null;
        var parts = text.Split(',');
        if (parts.Length != 7) return "expected 7 comma-separated values: country,area,trunk,max extension length,public,national,international";
        if (!int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var maxExtension))
            return $"max extension length '{parts[3]}' is not a number";
        var routing = new PabxRoutingData(parts[0], parts[1], parts[2], maxExtension, new AccessCodes(parts[4], parts[5], parts[6]));
        if (!NumberPlan.TryCreate(routing, out var created, out var error)) return error;
        plan = created;
        return null;
    }
}
