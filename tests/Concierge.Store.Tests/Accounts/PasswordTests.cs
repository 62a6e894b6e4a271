using Concierge.Store.Accounts;

namespace Concierge.Store.Tests.Accounts;

public sealed class PasswordTests
{
    private static readonly PasswordPolicy Fast = PasswordPolicy.ForTestsOnly(1_000);

    [Fact]
    public void A_hash_matches_its_password_only_and_each_gets_its_own_salt()
    {
        var first = PasswordHash.Create("correct horse battery", Fast);
        var second = PasswordHash.Create("correct horse battery", Fast);
        Assert.True(first.Matches("correct horse battery"));
        Assert.False(first.Matches("correct horse batterY"));
        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(1_000, first.Iterations);
        Assert.Equal(PasswordHash.SaltBytes, Convert.FromBase64String(first.Salt).Length);
    }

    [Fact]
    public void The_hash_is_pbkdf2_sha256_of_the_utf8_password_and_salt()
    {
        var hash = PasswordHash.Create("correct horse battery", Fast);
        var expected = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("correct horse battery"u8.ToArray(), Convert.FromBase64String(hash.Salt),
            1_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        Assert.Equal(Convert.ToBase64String(expected), hash.Hash);
    }

    [Fact]
    public void Production_hashes_with_at_least_600000_iterations_and_refuses_fewer()
    {
        Assert.Equal(600_000, PasswordPolicy.Production.Iterations);
        Assert.Equal(700_000, PasswordPolicy.WithIterations(700_000).Iterations);
        var error = Assert.Throws<StoreException>(() => PasswordPolicy.WithIterations(599_999));
        Assert.Equal("PasswordIterations: \"599999\" is below the minimum of 600,000 PBKDF2-SHA256 iterations", error.Message);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    public void A_short_password_is_refused(string password)
    {
        var error = Assert.Throws<StoreException>(() => PasswordHash.Create(password, Fast));
        Assert.Equal("password: is shorter than 12 characters", error.Message);
    }

    [Fact]
    public void A_damaged_stored_hash_matches_nothing() =>
        Assert.False(new PasswordHash("not base64!", "also not", 1000).Matches("correct horse battery"));
}
