using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports;
using Concierge.Simulators.OsBiz.Bandwidth;
using Concierge.Simulators.OsBiz.Configuration;
using Concierge.Simulators.OsBiz.Connector;
using Concierge.Simulators.OsBiz.Numbering;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.OsBiz.Teams;
using Concierge.Simulators.OsBiz.Users;
using Concierge.Simulators.UnifyPhone.Tenant;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.OsBiz;

/// <summary>
/// One OpenScape Business system with Unify Phone (U 3): the connectivity wizard (API key, own trunk, numbering
/// schema and location number, simultaneous calls from the upstream), the user instance wizard (Create, Add, Edit,
/// Remove, Delete; capacity of the model), the team wizard (MULAP with one desk phone), routing modes and the
/// alternative number, and the calls over the connector trunk. The REST API of the tenant is called directly (HTTPS
/// is not simulated); the trunk is SIP over the simulated network. A refused request changes nothing.
/// </summary>
public sealed partial class OsBizSystem
{
    private readonly UnifyPhoneTenant _rest;
    private readonly IEventLoop _loop;
    private readonly Action<string> _trace;
    private readonly SortedDictionary<string, Station> _stations = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, UnifyPhoneUserInstance> _users = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, MulapTeam> _teams = new(StringComparer.Ordinal);
    private readonly DateTimeOffset? _licenseExpiresAt;

    /// <summary>
    /// Builds system <paramref name="config"/> on <paramref name="host"/>, its trunk aimed at the connector
    /// <paramref name="connector"/>. The configured users and teams exist at once; <see cref="RunConnectivityWizard"/> connects.
    /// </summary>
    public OsBizSystem(OsBizConfig config, UnifyPhoneTenant rest, IEventLoop loop, INetworkStack host, SipEndPoint connector, DeterministicRandom random,
        Action<string> trace, string? name = null)
    {
        Config = config;
        Name = name ?? config.Name;
        _rest = rest;
        _loop = loop;
        _trace = line => trace(Name + ": " + line);
        ApiKey = config.Connectivity.ApiKey;
        SoftwareSupport = config.SoftwareSupport;
        RouteTrustedExternalUsers = config.Connectivity.RouteTrustedExternalUsers;
        TrunkLines = config.Connectivity.SimultaneousCalls;
        LocationNumberIncoming = config.Connectivity.LocationNumberIncoming;
        if (config.UnifyPhoneLicenseExpiresIn is { } expiry) _licenseExpiresAt = loop.Time.GetUtcNow() + expiry;
        Trunk = new ConnectorTrunkClient(Name, loop, host, connector, config.Connectivity.Domain, config.Connectivity.ReregistrationInterval, random.Split("trunk"), _trace);
        Trunk.Ua.IncomingCall += OnClientCall;
        Trunk.Ua.CallEnded += (call, _) => OnTrunkCallEnded(call);
        Trunk.Ua.CallRinging += (call, _) => OnUnifyPhoneRinging(call);
        Trunk.Ua.CallAnswered += OnUnifyPhoneAnswered;
        Trunk.Ua.CallFailed += (call, status, reason) => OnUnifyPhoneFailed(call, status, reason);
        foreach (var station in config.Stations) _stations[station.CallNumber] = station;
        foreach (var user in config.Users)
        {
            var instance = new UnifyPhoneUserInstance(user.CallNumber, NullIfEmpty(user.Did), user.FirstName, user.LastName, user.Email)
            {
                Routing = user.Routing,
                AlternativeNumber = user.AlternativeNumber,
                Licensed = LicensedCount < LicenseLimit,
            };
            SetNumber(instance, user.CallNumber);
            _users[user.CallNumber] = instance;
        }
        foreach (var team in config.Teams)
        {
            _teams[team.CallNumber] = new MulapTeam(team.CallNumber, team.Name, team.Did, team.DeskPhone, team.UnifyPhoneUser);
            var member = _users[team.UnifyPhoneUser];
            member.Team = team.CallNumber;
            member.Did = null;
            SetNumber(member, team.CallNumber);
        }
    }

    /// <summary>The configuration it started from.</summary>
    public OsBizConfig Config { get; }

    /// <summary>The system's name (the tenant names its trunk after it).</summary>
    public string Name { get; }

    /// <summary>The connector trunk.</summary>
    public ConnectorTrunkClient Trunk { get; }

    /// <summary>The API key the system holds.</summary>
    public string ApiKey { get; private set; }

    /// <summary>The trunk the tenant gave this system, or null before the wizard ran.</summary>
    public string? TrunkName { get; private set; }

    /// <summary>True while the system is under software support.</summary>
    public bool SoftwareSupport { get; set; }

    /// <summary>The route's "Trusted External Users" flag.</summary>
    public bool RouteTrustedExternalUsers { get; set; }

    /// <summary>Unify Phone trunk lines configured (Number of Simultaneous Unify Phone Calls).</summary>
    public int TrunkLines { get; private set; }

    /// <summary>The Unify Phone route's location number incoming.</summary>
    public LocationNumber LocationNumberIncoming { get; private set; }

    /// <summary>The calls the upstream bandwidth carries (U 3.2: 2048 kbit/s → 16).</summary>
    public int SimultaneousCallsAllowed => UpstreamBandwidth.CallsFor(Config.UpstreamKbps);

    /// <summary>The stations by call number.</summary>
    public IReadOnlyDictionary<string, Station> Stations => _stations;

    /// <summary>The Unify Phone user instances by internal call number.</summary>
    public IReadOnlyDictionary<string, UnifyPhoneUserInstance> Users => _users;

    /// <summary>The MULAP teams by call number.</summary>
    public IReadOnlyDictionary<string, MulapTeam> Teams => _teams;

    /// <summary>Why the system has no connection to the REST API (U 5.3), or null when it has one.</summary>
    public string? RestProblem => _rest.RestProblem(ApiKey);

    private int LicenseLimit => Math.Min(Config.IpUserLicenses, Config.UnifyPhoneLicenses);

    private int LicensedCount => _users.Values.Count(u => u.Licensed);

    /// <summary>True while the Unify Phone licenses are valid (not past their expiry on the virtual clock).</summary>
    public bool LicensesValid => _licenseExpiresAt is not { } at || _loop.Time.GetUtcNow() < at;

    /// <summary>The Unify Phone Connectivity wizard's "Execute function" (U 3.2): connects with the API key and registers the trunk.</summary>
    public string? RunConnectivityWizard(string? apiKey = null)
    {
        if (!Config.Connectivity.Enabled) return "Unify Phone is not enabled";
        var key = apiKey ?? ApiKey;
        var (trunk, refusal) = _rest.Connect(Name, key);
        if (trunk is null) return refusal;
        ApiKey = key;
        TrunkName = trunk.Name;
        foreach (var user in _users.Values)
            if (_rest.Users.ContainsKey(user.Email)) _rest.Assign(user.Email, trunk.Name, user.Number.TrunkNumber);
        Trunk.Register(trunk.Name, key);
        _trace($"connectivity wizard done: trunk {trunk.Name}");
        return null;
    }

    /// <summary>
    /// The system was set up from a backup or clone of one with an active connector (U 5.3): it has that system's trunk
    /// and key without running the wizard, and registers at once.
    /// </summary>
    public void RestoreConnector(string trunk, string apiKey)
    {
        ApiKey = apiKey;
        TrunkName = trunk;
        Trunk.Register(trunk, apiKey);
        _trace($"connector configuration restored: trunk {trunk}");
    }

    /// <summary>The Unify Phone call number of user (or team) <paramref name="callNumber"/>, or null.</summary>
    public UnifyPhoneCallNumber? CallNumberOf(string callNumber) =>
        _users.TryGetValue(callNumber, out var user) ? user.Number
        : _teams.TryGetValue(callNumber, out var team) ? _users[team.UnifyPhoneUser].Number : null;

    /// <summary>The user an internal call number names: the user itself, or a team's Unify Phone user.</summary>
    public UnifyPhoneUserInstance? UserOf(string callNumber) =>
        _users.TryGetValue(callNumber, out var user) ? user : _teams.TryGetValue(callNumber, out var team) ? _users[team.UnifyPhoneUser] : null;

    private void SetNumber(UnifyPhoneUserInstance user, string number)
    {
        user.Number = UnifyPhoneCallNumber.For(Config.Connectivity.Schema, Config.Connectivity.SeizureCode, LocationNumberIncoming, number);
        user.MobileCallNumber = user.Number.TrunkNumber;
        if (TrunkName is not null && _rest.Users.ContainsKey(user.Email)) _rest.Assign(user.Email, TrunkName, user.Number.TrunkNumber);
    }

    /// <summary>
    /// The route's location number incoming changes and [Validate Numbers] runs (U 3.3.3): every call number is made
    /// anew; the ones breaking the E.164 length are flagged invalid with the hint. Returns the flagged call numbers.
    /// </summary>
    public IReadOnlyList<string> ChangeLocationNumber(LocationNumber incoming)
    {
        if (incoming.Problem() is { } problem) throw new FormatException("location number incoming: " + problem);
        LocationNumberIncoming = incoming;
        foreach (var user in _users.Values) SetNumber(user, user.Team ?? user.CallNumber);
        return _users.Values.Where(u => !u.Number.IsValid).Select(u => u.CallNumber).ToArray();
    }

    /// <summary>The full number of extension <paramref name="extension"/> (gateway location).</summary>
    public string FullNumber(string extension) => Config.GatewayLocation.FullNumber(extension);

    /// <summary>The full number a Unify Phone user's client is shown under: its own internal call number at the gateway location.</summary>
    public string UnifyPhoneNumberOf(UnifyPhoneUserInstance user) => FullNumber(user.CallNumber);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) || text == "-" ? null : text;

    private bool CallNumberTaken(string callNumber) => _stations.ContainsKey(callNumber) || _users.ContainsKey(callNumber) || _teams.ContainsKey(callNumber);

    private static bool IsDigits(string text) => text.Length is > 0 and <= 8 && text.All(char.IsAsciiDigit);

    /// <summary>
    /// The user instance wizard's Create (U 3.3.1): a new Trusted External User station with a free call number, an
    /// optional DID, "Last, First" and the e-mail, provisioned in the cloud. Returns null, or the reason it is refused.
    /// </summary>
    public string? CreateUser(string callNumber, string? did, string firstName, string lastName, string email) =>
        AddInstance(callNumber, did, firstName, lastName, email, create: true);

    /// <summary>The user instance wizard's Add (U 3.3.2): an existing cloud user, not yet assigned, gets a station.</summary>
    public string? AddUser(string callNumber, string? did, string firstName, string lastName, string email) =>
        AddInstance(callNumber, did, firstName, lastName, email, create: false);

    private string? AddInstance(string callNumber, string? did, string firstName, string lastName, string email, bool create)
    {
        if (!IsDigits(callNumber)) return $"call number '{callNumber}' must be 1–8 digits";
        if (CallNumberTaken(callNumber)) return $"call number {callNumber} is not free";
        did = NullIfEmpty(did);
        if (did is not null && !IsDigits(did)) return $"DID '{did}' must be 1–8 digits";
        if (did is not null && (_users.Values.Any(u => u.Did == did) || _teams.Values.Any(t => t.Did == did))) return $"DID {did} is in use";
        if (firstName.Trim().Length == 0 || lastName.Trim().Length == 0) return "first name and last name are needed";
        if (_users.Count >= Config.MaxUnifyPhoneUsers) return $"the system takes at most {Config.MaxUnifyPhoneUsers} Unify Phone users ({Config.Mainboard} {Config.Model}, {Config.Edition})";
        var number = UnifyPhoneCallNumber.For(Config.Connectivity.Schema, Config.Connectivity.SeizureCode, LocationNumberIncoming, callNumber);
        if (!number.IsValid) return number.InvalidReason;
        if (TrunkName is null) return "run the Unify Phone Connectivity wizard first";
        if (_rest.RestProblem(ApiKey) == RestConnectionProblem.ApiKeyInvalidOrRegenerated) return "no connection to REST API: " + RestConnectionProblem.ApiKeyInvalidOrRegenerated;
        if (create)
        {
            if (_rest.Provision(ApiKey, email, firstName, lastName, "de-DE") is { } refusal) return refusal;
        }
        else
        {
            if (RestProblem is { } problem) return "no connection to REST API: " + problem;
            if (!_rest.Users.TryGetValue(email, out var cloud)) return $"{email} is not a Unify Phone user of the tenant";
            if (cloud.Trunk is not null) return $"{email} is already assigned to an OpenScape Business user";
        }
        var instance = new UnifyPhoneUserInstance(callNumber, did, firstName.Trim(), lastName.Trim(), email) { Licensed = LicensedCount < LicenseLimit };
        _users[callNumber] = instance;
        SetNumber(instance, callNumber);
        _trace($"Unify Phone user {callNumber} ({instance.DisplayName}, {email}) {(create ? "created" : "added")}: {instance.Number.Dialled}");
        return null;
    }

    /// <summary>Remove (U 3.3.3): the user leaves the system; the cloud user stays (unassigned).</summary>
    public string? RemoveUser(string callNumber) => DropInstance(callNumber, deleteInCloud: false);

    /// <summary>Delete (U 3.3.3): the user leaves the system and the cloud.</summary>
    public string? DeleteUser(string callNumber) => DropInstance(callNumber, deleteInCloud: true);

    private string? DropInstance(string callNumber, bool deleteInCloud)
    {
        if (!_users.TryGetValue(callNumber, out var user)) return $"{callNumber} is not a Unify Phone user of {Name}";
        if (user.Team is { } team) return $"{callNumber} is in team {team}: take it out of the team first";
        if (RestProblem is { } problem) return "no connection to REST API: " + problem;
        _users.Remove(callNumber);
        if (deleteInCloud) _rest.Delete(user.Email);
        else _rest.Unassign(user.Email);
        _trace($"Unify Phone user {callNumber} {(deleteInCloud ? "deleted from the system and the cloud" : "removed from the system")}");
        return null;
    }

    /// <summary>
    /// The team wizard (U 3.4): a MULAP of the telephones <paramref name="phones"/> (exactly one IP or TDM desk phone,
    /// never a cordless) and the Unify Phone user <paramref name="unifyPhoneUser"/>, whose call number becomes the team's.
    /// </summary>
    public string? ConfigureTeam(string teamNumber, IReadOnlyList<string> phones, string unifyPhoneUser)
    {
        if (!_users.TryGetValue(unifyPhoneUser, out var user)) return $"{unifyPhoneUser} is not a Unify Phone user of {Name}";
        if (user.Team is { } existing) return $"{unifyPhoneUser} is in team {existing} already";
        var kinds = new List<StationKind>();
        foreach (var phone in phones)
        {
            if (!_stations.TryGetValue(phone, out var station)) return $"{phone} is not a station of {Name}";
            if (_teams.Values.Any(t => t.DeskPhone == phone)) return $"{phone} is in a team already";
            kinds.Add(station.Kind);
        }
        if (TeamRules.Refusal(kinds) is { } refusal) return refusal;
        if (!IsDigits(teamNumber) || (_users.ContainsKey(teamNumber) || _teams.ContainsKey(teamNumber)) || (_stations.ContainsKey(teamNumber) && teamNumber != phones[0]))
            return $"team call number {teamNumber} is not free";
        var number = UnifyPhoneCallNumber.For(Config.Connectivity.Schema, Config.Connectivity.SeizureCode, LocationNumberIncoming, teamNumber);
        if (!number.IsValid) return number.InvalidReason;
        _teams[teamNumber] = new MulapTeam(teamNumber, _stations[phones[0]].Name, teamNumber, phones[0], unifyPhoneUser);
        user.Team = teamNumber;
        user.Did = null;
        SetNumber(user, teamNumber);
        _trace($"team {teamNumber}: desk phone {phones[0]} and Unify Phone user {unifyPhoneUser} ({user.Number.Dialled})");
        return null;
    }

    /// <summary>The user (or team) chooses a routing mode in the client; returns the refusal or null.</summary>
    public string? SetRouting(string callNumber, RoutingMode mode)
    {
        if (UserOf(callNumber) is not { } user) return $"{callNumber} is not a Unify Phone user of {Name}";
        if (RingPlanner.Refusal(mode, user.Team is not null, Config.Target2UserDefined) is { } refusal) return refusal;
        user.Routing = mode;
        return null;
    }

    /// <summary>The user sets the alternative number (any external number, U 3.6.4); returns the refusal or null.</summary>
    public string? SetAlternativeNumber(string callNumber, string number)
    {
        if (UserOf(callNumber) is not { } user) return $"{callNumber} is not a Unify Phone user of {Name}";
        var digits = number.StartsWith('+') ? number[1..] : number;
        if (digits.Length is < 3 or > 15 || !digits.All(char.IsAsciiDigit)) return $"'{number}' is not a phone number";
        if (!Config.Target2UserDefined) return RingPlanner.AlternativeNumberNeedsTarget2;
        user.AlternativeNumber = number;
        return null;
    }

    /// <summary>Expert Mode changes a user's station type (not through the wizard).</summary>
    public void ChangeStationKindInExpertMode(string callNumber, StationKind kind)
    {
        var user = RequireUser(callNumber);
        user.Kind = kind;
        user.ChangedInExpertMode = true;
    }

    /// <summary>Expert Mode changes a user's Trusted external station call number (not through the wizard).</summary>
    public void ChangeMobileCallNumberInExpertMode(string callNumber, string mobileCallNumber)
    {
        var user = RequireUser(callNumber);
        user.MobileCallNumber = mobileCallNumber;
        user.ChangedInExpertMode = true;
    }

    /// <summary>Expert Mode edits a user's station (any parameter), which the connector never learns (U 3.3.3).</summary>
    public void EditInExpertMode(string callNumber) => RequireUser(callNumber).ChangedInExpertMode = true;

    /// <summary>The user's IP User / Unify Phone license is taken away (or given back).</summary>
    public void SetLicensed(string callNumber, bool licensed) => RequireUser(callNumber).Licensed = licensed;

    /// <summary>The number of Unify Phone trunk lines is changed (0: none configured).</summary>
    public void SetTrunkLines(int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        if (lines > SimultaneousCallsAllowed) throw new ArgumentOutOfRangeException(nameof(lines), lines, $"the upstream allows {SimultaneousCallsAllowed} calls");
        TrunkLines = lines;
    }

    private UnifyPhoneUserInstance RequireUser(string callNumber) =>
        UserOf(callNumber) ?? throw new ArgumentException($"{callNumber} is not a Unify Phone user of {Name}", nameof(callNumber));
}
