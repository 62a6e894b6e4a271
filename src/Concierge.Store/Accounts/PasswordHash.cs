using System.Security.Cryptography;
using System.Text;

namespace Concierge.Store.Accounts;

/// <summary>A password as PBKDF2 with HMAC-SHA256: a 32-byte hash of the password with a random 16-byte salt of its own.</summary>
public sealed record PasswordHash(string Hash, string Salt, int Iterations)
{
    /// <summary>Salt bytes per account.</summary>
    public const int SaltBytes = 16;

    /// <summary>Hash bytes.</summary>
    public const int HashBytes = 32;

    /// <summary>
    /// No password yet (an account imported from OSCC: passwords are not synchronised, a manager sets one, C 8.11);
    /// nothing matches it, so the account cannot log on.
    /// </summary>
    public static PasswordHash NotSet { get; } = new("", "", 0);

    /// <summary>False for <see cref="NotSet"/>.</summary>
    public bool IsSet => Iterations > 0 && Hash.Length > 0;

    /// <summary>Hashes <paramref name="password"/> with a fresh salt under <paramref name="policy"/>.</summary>
    public static PasswordHash Create(string password, PasswordPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.CheckPassword(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, policy.Iterations, HashAlgorithmName.SHA256, HashBytes);
        return new PasswordHash(Convert.ToBase64String(hash), Convert.ToBase64String(salt), policy.Iterations);
    }

    /// <summary>True when <paramref name="password"/> is the one hashed (compared in constant time).</summary>
    public bool Matches(string password)
    {
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(Salt);
            expected = Convert.FromBase64String(Hash);
        }
        catch (FormatException)
        {
            return false;
        }
        if (Iterations < 1 || expected.Length != HashBytes) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
