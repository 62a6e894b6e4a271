using System.Security.Cryptography;

namespace Concierge.Server.Hosting;

/// <summary>The random seed of one server process: fresh each start, so SIP tags and Call-IDs never repeat across restarts.</summary>
internal static class ProcessSeed
{
    /// <summary>A seed from the operating system's random source.</summary>
    public static ulong Next() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
}
