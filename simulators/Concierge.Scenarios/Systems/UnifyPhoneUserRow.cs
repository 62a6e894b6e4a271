namespace Concierge.Scenarios.Systems;

/// <summary>One row of the Unify Phone user import CSV (`emailAddress,firstName,lastName,locale`).</summary>
public sealed record UnifyPhoneUserRow(string EmailAddress, string FirstName, string LastName, string Locale = "");
