using Concierge.Runtime.Randomness;
using Concierge.Simulators.UnifyPhone.Csv;
using Concierge.Simulators.UnifyPhone.Jwt;
using Concierge.Simulators.UnifyPhone.Users;

namespace Concierge.Simulators.UnifyPhone.Tenant;

/// <summary>
/// A Unify Phone tenant (U 2): its telephony connector, API key, JWT and users. Systems connect with the API key and
/// each gets its own trunk; regenerating the key cuts off every system still on the old one. Users are provisioned by
/// the OpenScape Business wizard or a CSV import, both only with a functional JWT. A refused request changes nothing.
/// </summary>
public sealed class UnifyPhoneTenant
{
    /// <summary>Most users held by one tenant.</summary>
    public const int MaxUsers = 10_000;

    /// <summary>Most trunks (connected systems).</summary>
    public const int MaxTrunks = 64;

    private readonly TimeProvider _time;
    private readonly DeterministicRandom _random;
    private readonly SortedDictionary<string, CloudUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<string, ConnectorTrunk> _trunksBySystem = new(StringComparer.Ordinal);
    private readonly List<string> _retiredKeys = [];

    /// <summary>Creates a tenant with the API key <paramref name="apiKey"/>; time and key generation come from the world.</summary>
    public UnifyPhoneTenant(string name, string domain, string apiKey, TelephonyConnector connector, TimeProvider time, DeterministicRandom random)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        Name = name;
        Domain = domain;
        ApiKey = apiKey;
        Connector = connector;
        _time = time;
        _random = random;
    }

    /// <summary>Told when the API key was regenerated (the retired key).</summary>
    public event Action<string>? ApiKeyRegenerated;

    /// <summary>The tenant's name.</summary>
    public string Name { get; }

    /// <summary>The domain systems connect to (phoneapp.unify.com).</summary>
    public string Domain { get; }

    /// <summary>The telephony connector.</summary>
    public TelephonyConnector Connector { get; }

    /// <summary>The current API key.</summary>
    public string ApiKey { get; private set; }

    /// <summary>Keys regenerated away, oldest first.</summary>
    public IReadOnlyList<string> RetiredKeys => _retiredKeys;

    /// <summary>The JWT for user provisioning.</summary>
    public TenantJwt Jwt { get; } = new();

    /// <summary>The JWT status now.</summary>
    public JwtStatus JwtStatus => Jwt.StatusAt(_time.GetUtcNow());

    /// <summary>The users by e-mail.</summary>
    public IReadOnlyDictionary<string, CloudUser> Users => _users;

    /// <summary>The trunk of each connected system.</summary>
    public IReadOnlyDictionary<string, ConnectorTrunk> Trunks => _trunksBySystem;

    /// <summary>The JWT expires <paramref name="from"/> now (a new token is pasted).</summary>
    public void SetJwtExpiry(TimeSpan from) => Jwt.Set(_time.GetUtcNow() + from);

    /// <summary>Regenerates the API key ("API key" section, U 2.2); returns the new key. Systems on the old key are cut off.</summary>
    public string RegenerateApiKey()
    {
        var old = ApiKey;
        string fresh;
        do fresh = "UP-API-KEY-" + _random.NextHexToken(16).ToUpperInvariant();
        while (fresh == old || _retiredKeys.Contains(fresh));
        if (_retiredKeys.Count == 16) _retiredKeys.RemoveAt(0);
        _retiredKeys.Add(old);
        ApiKey = fresh;
        ApiKeyRegenerated?.Invoke(old);
        return fresh;
    }

    /// <summary>
    /// A system's Unify Phone Connectivity wizard connects with <paramref name="apiKey"/>: the system gets its own
    /// trunk (the same one when it runs the wizard again). Returns the trunk, or the refusal.
    /// </summary>
    public (ConnectorTrunk? Trunk, string? Refusal) Connect(string system, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        if (!string.Equals(apiKey, ApiKey, StringComparison.Ordinal)) return (null, RestConnectionProblem.ApiKeyInvalidOrRegenerated);
        if (_trunksBySystem.TryGetValue(system, out var existing))
        {
            var renewed = existing with { ApiKey = apiKey };
            _trunksBySystem[system] = renewed;
            return (renewed, null);
        }
        if (_trunksBySystem.Count >= MaxTrunks) return (null, $"the tenant has its most trunks ({MaxTrunks})");
        var trunk = new ConnectorTrunk($"gtc-{_trunksBySystem.Count + 1:000}", system, apiKey);
        _trunksBySystem[system] = trunk;
        return (trunk, null);
    }

    /// <summary>The trunk named <paramref name="name"/>, or null.</summary>
    public ConnectorTrunk? TrunkNamed(string name) => _trunksBySystem.Values.FirstOrDefault(t => t.Name == name);

    /// <summary>True when <paramref name="trunk"/> authenticates with the tenant's current key.</summary>
    public bool IsCurrent(ConnectorTrunk trunk) => string.Equals(trunk.ApiKey, ApiKey, StringComparison.Ordinal);

    /// <summary>
    /// Why a system using <paramref name="apiKey"/> has no connection to the REST API (U 5.3), or null when it has one:
    /// the key must be the tenant's and the JWT Active or Expiring.
    /// </summary>
    public string? RestProblem(string apiKey)
    {
        if (!string.Equals(apiKey, ApiKey, StringComparison.Ordinal)) return RestConnectionProblem.ApiKeyInvalidOrRegenerated;
        return JwtStatus switch
        {
            JwtStatus.NotSet => RestConnectionProblem.JwtNotConfigured,
            JwtStatus.Expired => RestConnectionProblem.JwtExpired,
            JwtStatus.InvalidToken => RestConnectionProblem.JwtInvalid,
            _ => null,
        };
    }

    /// <summary>Why provisioning a user is refused now, or null: the JWT must be functional (U 2.5, 5.3).</summary>
    public string? ProvisioningProblem() => JwtStatus.IsFunctional() ? null : ProvisioningRefusal.NoFunctionalJwt;

    /// <summary>
    /// Provisions a user from a system using <paramref name="apiKey"/> (the OpenScape Business "Create" wizard, U 3.3.1).
    /// Returns null when the user was added, else the reason (nothing changed).
    /// </summary>
    public string? Provision(string apiKey, string email, string firstName, string lastName, string locale)
    {
        if (!string.Equals(apiKey, ApiKey, StringComparison.Ordinal)) return ProvisioningRefusal.NoRestConnection;
        if (ProvisioningProblem() is { } problem) return problem;
        if (!UserCsvFile.IsEmailAddress(email)) return ProvisioningRefusal.NotAnEmail(email);
        if (_users.ContainsKey(email)) return ProvisioningRefusal.AlreadyAUser(email);
        if (_users.Count >= MaxUsers) return $"the tenant has its most users ({MaxUsers})";
        _users[email] = new CloudUser(email, firstName, lastName, locale);
        return null;
    }

    /// <summary>Adds users the tenant already had before the scenario (topology), without provisioning checks.</summary>
    public void Seed(CloudUser user) => _users[user.EmailAddress] = user;

    /// <summary>
    /// Imports users from a CSV file for the trunk <paramref name="trunk"/> (U 2.4): the file must be UTF-8 with the
    /// camel-case header; every row gets a verdict; the users are added only when every row is accepted.
    /// </summary>
    public UserImportResult Import(ReadOnlySpan<byte> csv, string trunk)
    {
        if (TrunkNamed(trunk) is null) return new UserImportResult(ProvisioningRefusal.UnknownTrunk(trunk), []);
        if (ProvisioningProblem() is { } problem) return new UserImportResult(problem, []);
        var (fileProblem, rows, refused) = UserCsvFile.Read(csv);
        if (fileProblem is not null) return new UserImportResult(fileProblem, []);
        var verdicts = new List<CsvRowVerdict>(refused);
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var refusedRow in refused)
            if (refusedRow.EmailAddress.Length > 0) firstLineOf.TryAdd(refusedRow.EmailAddress, refusedRow.Line);
        foreach (var row in rows)
        {
            string? reason = null;
            if (_users.ContainsKey(row.EmailAddress)) reason = $"line {row.Line}: {ProvisioningRefusal.AlreadyAUser(row.EmailAddress)}";
            else if (firstLineOf.TryGetValue(row.EmailAddress, out var first) && first < row.Line)
                reason = $"line {row.Line}: emailAddress {row.EmailAddress} is already on line {first}";
            firstLineOf.TryAdd(row.EmailAddress, row.Line);
            verdicts.Add(new CsvRowVerdict(row.Line, row.EmailAddress, reason));
        }
        // a duplicate of a later line: the earlier line is fine, the later refused (done above); order the verdicts by line
        verdicts.Sort((a, b) => a.Line.CompareTo(b.Line));
        var result = new UserImportResult(null, verdicts);
        if (!result.Imported) return result;
        if (_users.Count + rows.Count > MaxUsers) return new UserImportResult($"the tenant would exceed its most users ({MaxUsers})", verdicts);
        foreach (var row in rows) _users[row.EmailAddress] = new CloudUser(row.EmailAddress, row.FirstName, row.LastName, row.Locale) { Trunk = trunk };
        return result;
    }

    /// <summary>Assigns a user to a trunk and phone number (the OpenScape Business user instance wizard); false when there is no such user.</summary>
    public bool Assign(string email, string trunk, string phoneNumber)
    {
        if (!_users.TryGetValue(email, out var user)) return false;
        _users[email] = user with { Trunk = trunk, PhoneNumber = phoneNumber };
        return true;
    }

    /// <summary>Takes a user's assignment away (Remove in the wizard: the user stays in the cloud).</summary>
    public void Unassign(string email)
    {
        if (_users.TryGetValue(email, out var user)) _users[email] = user with { Trunk = null, PhoneNumber = null };
    }

    /// <summary>Deletes a user from the tenant (Delete in the wizard: system and cloud); false when there is none.</summary>
    public bool Delete(string email) => _users.Remove(email);

    /// <summary>The user the trunk <paramref name="trunk"/> addresses as <paramref name="phoneNumber"/>, or null.</summary>
    public CloudUser? UserAt(string trunk, string phoneNumber) =>
        _users.Values.FirstOrDefault(u => u.Trunk == trunk && u.PhoneNumber == phoneNumber);
}
