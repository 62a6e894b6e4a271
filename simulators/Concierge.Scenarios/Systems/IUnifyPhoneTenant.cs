namespace Concierge.Scenarios.Systems;

/// <summary>The Unify Phone cloud tenant and the PBX side that provisions it (OpenScape Business or OSV).</summary>
public interface IUnifyPhoneTenant
{
    /// <summary>The tenant JWT expires <paramref name="from"/> now.</summary>
    void SetJwtExpiry(TimeSpan from);

    /// <summary>Sets the call routing mode of a user (Default, Desk phone, Unify Phone, Alternative number).</summary>
    void SetRouting(string user, string mode);

    /// <summary>Sets the alternative number of a user.</summary>
    void SetAlternativeNumber(string user, string number);

    /// <summary>Regenerates the tenant API key.</summary>
    void RegenerateApiKey();

    /// <summary>Creates a user; returns null when accepted, else the reason it was rejected.</summary>
    string? CreateUser(string callNumber, string did, string firstName, string lastName, string email);

    /// <summary>Imports users from CSV rows.</summary>
    void ImportUsers(IReadOnlyList<UnifyPhoneUserRow> rows);

    /// <summary>The JWT status shown (Not set, Active, Invalid token, Expiring, Expired).</summary>
    string JwtStatus { get; }

    /// <summary>True when <paramref name="system"/> is connected to the Unify Phone REST API.</summary>
    bool HasRestConnection(string system);

    /// <summary>The Unify Phone call number of the user with internal call number <paramref name="callNumber"/>.</summary>
    string? CallNumberOf(string callNumber);

    /// <summary>How many simultaneous Unify Phone calls the bandwidth allows.</summary>
    int SimultaneousCallsAllowed { get; }
}
