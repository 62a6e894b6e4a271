namespace Concierge.Scenarios.Systems;

/// <summary>
/// What the OpenScape Business + Unify Phone steps need beyond <see cref="IUnifyPhoneTenant"/>: the wizards' refusals,
/// raw CSV files, client calls over the connector trunk, the FAQ's causes, further systems and the connector's errors.
/// Requests return null when done, else the reason they were refused (nothing changed then).
/// </summary>
public interface IUnifyPhoneSite : IUnifyPhoneTenant
{
    /// <summary>The user chooses a routing mode in the client.</summary>
    string? ChooseRouting(string user, string mode);

    /// <summary>The team wizard: team <paramref name="team"/> of Unify Phone user <paramref name="user"/> and <paramref name="phones"/>.</summary>
    string? ConfigureTeam(string team, string user, IReadOnlyList<string> phones);

    /// <summary>The user instance wizard's Remove (system only).</summary>
    string? RemoveUser(string callNumber);

    /// <summary>The user instance wizard's Delete (system and cloud).</summary>
    string? DeleteUser(string callNumber);

    /// <summary>True when <paramref name="callNumber"/> is a Unify Phone user of <paramref name="system"/>.</summary>
    bool IsSystemUser(string system, string callNumber);

    /// <summary>True when the tenant has the user <paramref name="email"/>.</summary>
    bool IsCloudUser(string email);

    /// <summary>Imports a CSV file whose lines are the table's rows, the first row as written (header included).</summary>
    void ImportCsv(IReadOnlyList<IReadOnlyList<string>> lines);

    /// <summary>The last import's problem with the whole file, or null.</summary>
    string? ImportFileProblem { get; }

    /// <summary>The last import's verdict per line (null reason: accepted).</summary>
    IReadOnlyList<(int Line, string? Reason)> ImportVerdicts { get; }

    /// <summary>True when the last import added its users.</summary>
    bool Imported { get; }

    /// <summary>The Unify Phone client of user <paramref name="callNumber"/> places <paramref name="count"/> calls to <paramref name="target"/>.</summary>
    void ClientDials(string callNumber, string target, int count);

    /// <summary>The client of user <paramref name="callNumber"/> hangs up its calls.</summary>
    void ClientHangsUp(string callNumber);

    /// <summary>Client calls connected now.</summary>
    int ClientCallsConnected { get; }

    /// <summary>The reasons of the refused client calls of <paramref name="callNumber"/>, oldest first.</summary>
    IReadOnlyList<string> ClientCallRefusals(string callNumber);

    /// <summary>A FAQ cause is brought about (U 5.3): <paramref name="fault"/> names it, <paramref name="subject"/> the system or user.</summary>
    void Cause(UnifyPhoneFault fault, string subject, string? value = null);

    /// <summary>A second system runs the connectivity wizard with the tenant's API key.</summary>
    string? AddSystem(string name);

    /// <summary>A system is restored from a backup of <paramref name="original"/> with the connector still active.</summary>
    void RestoreClone(string name, string original);

    /// <summary>The trunk the tenant gave <paramref name="system"/>, or null.</summary>
    string? TrunkOf(string system);

    /// <summary>True while the connector holds a registration of the system's trunk from that system.</summary>
    bool IsTrunkRegistered(string system);

    /// <summary>The errors the connector reported about second systems on a trunk.</summary>
    IReadOnlyList<(string Trunk, string Message)> ClonedSystemErrors { get; }

    /// <summary>The telephony connector status (Available / Unavailable).</summary>
    string ConnectorStatus { get; }

    /// <summary>The route's location number incoming changes and [Validate Numbers] runs.</summary>
    void ChangeLocationNumber(string system, string countryCode, string areaCode, string pabxNumber);

    /// <summary>Why the user's Unify Phone call number is flagged invalid, or null.</summary>
    string? CallNumberProblem(string callNumber);

    /// <summary>The JWT is invalidated, or removed.</summary>
    void ChangeJwt(bool remove);
}

/// <summary>The FAQ causes a scenario can bring about (U 5.3 "no calls with Unify Phone-Client possible").</summary>
public enum UnifyPhoneFault
{
    /// <summary>The system's software support ends.</summary>
    NoSoftwareSupport,
    /// <summary>The system's Unify Phone trunk lines are set (value: count).</summary>
    TrunkLines,
    /// <summary>A user's license is taken away.</summary>
    NoLicense,
    /// <summary>A user's station type changes in Expert Mode (value: type).</summary>
    StationType,
    /// <summary>The route flag Trusted External Users goes off.</summary>
    RouteFlagOff,
    /// <summary>A user's trusted external station call number changes in Expert Mode (value: number).</summary>
    MobileCallNumber,
    /// <summary>A user's station is edited in Expert Mode.</summary>
    ExpertModeEdit,
}
