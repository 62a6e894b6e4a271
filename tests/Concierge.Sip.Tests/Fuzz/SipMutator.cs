using System.Text;
using Concierge.Runtime.Randomness;

namespace Concierge.Sip.Tests.Fuzz;

/// <summary>Mutates valid messages: bit flips, special bytes, truncation, CRLF added/removed, line edits and huge headers.</summary>
internal sealed class SipMutator
{
    private static readonly byte[] Specials = "\r\n:;,\"<>%@ \t\\=?&/\0\xff0"u8.ToArray();
    private static readonly byte[][] LineBreaks = ["\r\n"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n\r\n"u8.ToArray(), "\r\n "u8.ToArray()];
    private static readonly byte[][] NumberEdits = ["-"u8.ToArray(), "99999999999"u8.ToArray(), "4294967296"u8.ToArray(), " "u8.ToArray()];
    private static readonly byte[] ManyVias = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Via: SIP/2.0/UDP h;branch=z9hG4bKx\r\n", 400)));
    private static readonly byte[] HugeValue = Encoding.ASCII.GetBytes("X-Huge: " + new string('a', 140_000));
    private readonly DeterministicRandom _random;

    public SipMutator(DeterministicRandom random) => _random = random;

    public string LastMutation { get; private set; } = string.Empty;

    public byte[] Mutate(byte[] input)
    {
        switch (_random.Next(10))
        {
            case 0:
            {
                var bytes = (byte[])input.Clone();
                var flips = 1 + _random.Next(8);
                for (var i = 0; i < flips && bytes.Length > 0; i++)
                {
                    bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
                }
                LastMutation = $"flip {flips} bits";
                return bytes;
            }
            case 1:
            {
                var bytes = (byte[])input.Clone();
                var count = 1 + _random.Next(4);
                for (var i = 0; i < count && bytes.Length > 0; i++)
                {
                    bytes[_random.Next(bytes.Length)] = _random.Pick(Specials);
                }
                LastMutation = $"set {count} special bytes";
                return bytes;
            }
            case 2:
            {
                var cut = _random.Next(input.Length + 1);
                LastMutation = $"truncate at {cut}";
                return input[..cut];
            }
            case 3:
            {
                var at = _random.Next(input.Length + 1);
                LastMutation = $"insert line break at {at}";
                return Splice(input, at, 0, _random.Pick(LineBreaks));
            }
            case 4:
            {
                var lf = RandomIndexOf(input, (byte)'\n');
                if (lf < 0)
                {
                    break;
                }
                var start = lf > 0 && input[lf - 1] == '\r' ? lf - 1 : lf;
                LastMutation = $"remove line break at {start}";
                return Splice(input, start, lf - start + 1, []);
            }
            case 5:
            {
                var lf = RandomIndexOf(input, (byte)'\n');
                if (lf < 0)
                {
                    break;
                }
                var start = input.AsSpan(0, lf).LastIndexOf((byte)'\n') + 1;
                var line = input[start..(lf + 1)];
                var duplicate = _random.Chance(0.5);
                LastMutation = (duplicate ? "duplicate" : "delete") + $" line at {start}";
                return duplicate ? Splice(input, start, 0, line) : Splice(input, start, line.Length, []);
            }
            case 6:
            {
                var size = _random.Chance(0.5) ? 1 + _random.Next(9000) : 60_000 + _random.Next(80_000);
                var header = new byte[size + 8 + 2];
                HugeValue.AsSpan(0, size + 8).CopyTo(header);
                "\r\n"u8.CopyTo(header.AsSpan(size + 8));
                LastMutation = $"huge header of {size} bytes";
                return Splice(input, HeaderInsertPoint(input), 0, header);
            }
            case 7:
            {
                var many = 50 + _random.Next(350);
                LastMutation = $"{many} extra headers";
                return Splice(input, HeaderInsertPoint(input), 0, ManyVias.AsSpan(0, many * (ManyVias.Length / 400)));
            }
            case 8:
            {
                var bytes = (byte[])input.Clone();
                var from = _random.Next(bytes.Length + 1);
                var length = Math.Min(bytes.Length - from, 1 + _random.Next(40));
                _random.NextBytes(bytes.AsSpan(from, length));
                LastMutation = $"random bytes at {from}";
                return bytes;
            }
            default:
            {
                var at = RandomIndexOf(input, _random.Chance(0.5) ? (byte)'0' : (byte)'1');
                if (at < 0)
                {
                    break;
                }
                LastMutation = $"number edit at {at}";
                return Splice(input, at, 0, _random.Pick(NumberEdits));
            }
        }
        LastMutation = "unchanged";
        return input;
    }

    /// <summary>A random occurrence of the byte, or -1.</summary>
    private int RandomIndexOf(byte[] input, byte value)
    {
        if (input.Length == 0)
        {
            return -1;
        }
        var from = _random.Next(input.Length);
        var after = input.AsSpan(from).IndexOf(value);
        return after >= 0 ? from + after : input.AsSpan(0, from).IndexOf(value);
    }

    private static int HeaderInsertPoint(byte[] bytes)
    {
        var firstLf = Array.IndexOf(bytes, (byte)'\n');
        return firstLf < 0 ? bytes.Length : firstLf + 1;
    }

    private static byte[] Splice(byte[] input, int at, int remove, ReadOnlySpan<byte> insert)
    {
        var result = new byte[input.Length - remove + insert.Length];
        input.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        input.AsSpan(at + remove).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }
}
