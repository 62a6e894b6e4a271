using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Accounts;

/// <summary>What a log-on came to.</summary>
public sealed record LogonResult(Account? Account, string? Token, DateTimeOffset? ExpiresAt, TimeSpan RetryAfter, string? Refusal)
{
    /// <summary>True when a token was issued.</summary>
    public bool Succeeded => Token is not null;
}

/// <summary>
/// Log-on with a password to a bearer token, and a token back to its account. A wrong name and a wrong password are
/// answered alike and take as long (an unknown name is checked against a dummy hash); failures are throttled by
/// account and by remote address (<see cref="LogonThrottle"/>); a hash with fewer iterations than the policy asks
/// is refused (reset the password).
/// </summary>
public sealed class AccountService
{
    private readonly ConciergeStore _store;
    private readonly PasswordPolicy _policy;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly PasswordHash _dummy;

    /// <summary>Creates the service on <paramref name="store"/>.</summary>
    public AccountService(ConciergeStore store, PasswordPolicy policy, TimeSpan tokenLifetime, TimeProvider time)
    {
        _store = store;
        _policy = policy;
        _time = time;
        _lifetime = tokenLifetime;
        Throttle = new LogonThrottle(time);
        _dummy = PasswordHash.Create(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)), policy);
    }

    /// <summary>The failed log-on limit.</summary>
    public LogonThrottle Throttle { get; }

    /// <summary>Checks <paramref name="password"/> for <paramref name="name"/> from <paramref name="remote"/>; a token when it matches.</summary>
    public LogonResult LogOn(AccountName name, string password, string remote)
    {
        var keys = new[] { "account:" + name.Key, "remote:" + remote };
        var wait = Throttle.RetryAfter((keys[0], LogonThrottle.MaxFailuresPerAccount), (keys[1], LogonThrottle.MaxFailuresPerRemote));
        if (wait > TimeSpan.Zero) return new LogonResult(null, null, null, wait, $"too many failed log-ons; try again in {Math.Ceiling(wait.TotalSeconds)} s");
        var account = _store.FindAccount(name);
        var matches = password.Length <= PasswordPolicy.MaximumLength && (account?.Password ?? _dummy).Matches(password);
        if (account is null || !matches)
        {
            Throttle.Failed(keys);
            return new LogonResult(null, null, null, TimeSpan.Zero, "the account or the password is wrong");
        }
        if (account.Password.Iterations < _policy.Iterations)
            return new LogonResult(null, null, null, TimeSpan.Zero,
                $"the password of {account.Name} was hashed with fewer than {_policy.Iterations:N0} iterations; reset it (./run-server.sh account reset {account.Name})");
        Throttle.Succeeded(keys[0]);
        var now = _time.GetUtcNow();
        var token = _store.IssueToken(account, now, _lifetime);
        return new LogonResult(account, token, now + _lifetime, TimeSpan.Zero, null);
    }

    /// <summary>Sets the password of <paramref name="name"/> (checked by the policy) and ends its tokens; false when there is no such account.</summary>
    public bool SetPassword(AccountName name, string password) =>
        _store.ResetPassword(name, PasswordHash.Create(password, _policy), _time.GetUtcNow());

    /// <summary>The account of a live <paramref name="token"/>, or null.</summary>
    public Account? Authenticate(string token) => _store.FindToken(token, _time.GetUtcNow())?.Account;

    /// <summary>Ends <paramref name="token"/>.</summary>
    public bool LogOff(string token) => _store.RevokeToken(token);
}
