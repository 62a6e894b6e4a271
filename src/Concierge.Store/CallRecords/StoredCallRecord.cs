namespace Concierge.Store.CallRecords;

/// <summary>
/// An ended call as the store keeps it: which server and call, the tenant it belongs to, the parties, its times, its
/// one disposition (lower case: answered, abandoned, …) and its history lines.
/// </summary>
public sealed record StoredCallRecord(
    long Id,
    string Server,
    long CallId,
    string Tenant,
    string Caller,
    string Called,
    DateTimeOffset EnteredAt,
    DateTimeOffset? AnsweredAt,
    string? AnsweredBy,
    DateTimeOffset EndedAt,
    string Disposition,
    IReadOnlyList<string> History);
