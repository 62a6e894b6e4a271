namespace Concierge.Server.Oscc;

/// <summary>A user of OpenScape Contact Center as its agent export lists it: business unit, user id and name.</summary>
public sealed record OsccAgent(string BusinessUnit, string User, string FirstName, string LastName);
