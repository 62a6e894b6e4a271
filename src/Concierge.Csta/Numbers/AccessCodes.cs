namespace Concierge.Csta.Numbers;

/// <summary>
/// The digits dialled on a PABX to reach the public network: the outside-line code (public) and after it the national
/// prefix, the international prefix or the local code (often empty).
/// </summary>
public sealed record AccessCodes(string Public, string National, string International, string Local = "");
