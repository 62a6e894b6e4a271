namespace Concierge.Simulators.OsBiz.Teams;

/// <summary>A MULAP team (U 3.4): the team call number and DID, its one desk phone and its one Unify Phone user.</summary>
public sealed record MulapTeam(string CallNumber, string Name, string? Did, string DeskPhone, string UnifyPhoneUser);
