namespace Concierge.Store.Accounts;

/// <summary>
/// How passwords are hashed and what they must be: PBKDF2-SHA256 with at least <see cref="MinimumIterations"/>
/// iterations (OWASP's figure for PBKDF2-HMAC-SHA256) and at least <see cref="MinimumLength"/> characters. A lower
/// count exists only through <see cref="ForTestsOnly"/>, so that tests do not spend seconds per hash; a server
/// refuses to verify a password hashed with fewer iterations than its policy asks.
/// </summary>
public sealed record PasswordPolicy
{
    /// <summary>The fewest PBKDF2 iterations a production policy accepts.</summary>
    public const int MinimumIterations = 600_000;

    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 12;

    /// <summary>The longest password accepted (bounds the hashing work one request can cause).</summary>
    public const int MaximumLength = 256;

    private PasswordPolicy(int iterations) => Iterations = iterations;

    /// <summary>PBKDF2 iterations for new hashes, and the fewest a stored hash may have.</summary>
    public int Iterations { get; }

    /// <summary>The production policy: <see cref="MinimumIterations"/>.</summary>
    public static PasswordPolicy Production { get; } = new(MinimumIterations);

    /// <summary>
    /// A production policy with <paramref name="iterations"/> (the <c>PasswordIterations</c> setting); throws
    /// <see cref="StoreException"/> below <see cref="MinimumIterations"/>.
    /// </summary>
    public static PasswordPolicy WithIterations(int iterations) => iterations >= MinimumIterations
        ? new PasswordPolicy(iterations)
        : throw new StoreException($"PasswordIterations: \"{iterations}\" is below the minimum of {MinimumIterations:N0} PBKDF2-SHA256 iterations");

    /// <summary>For tests only: a policy with as few as one iteration. Never reachable from settings or the command line.</summary>
    public static PasswordPolicy ForTestsOnly(int iterations) => new(Math.Max(1, iterations));

    /// <summary>Throws <see cref="StoreException"/> when <paramref name="password"/> is too short or too long.</summary>
    public void CheckPassword(string? password)
    {
        if (password is null || password.Length < MinimumLength)
            throw new StoreException($"password: is shorter than {MinimumLength} characters");
        if (password.Length > MaximumLength)
            throw new StoreException($"password: is longer than {MaximumLength} characters");
    }
}
