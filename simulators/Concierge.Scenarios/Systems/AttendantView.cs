namespace Concierge.Scenarios.Systems;

/// <summary>What the CPS attendant API shows about one attendant.</summary>
/// <param name="LoggedOn">Logged on at the device.</param>
/// <param name="Available">Available for pushed calls.</param>
/// <param name="CanAnswerCalls">False when the attendant cannot answer (e.g. Unify Phone without a registered ONS/OND pair).</param>
/// <param name="CurrentCall">The call the attendant is handling, if any.</param>
/// <param name="SeesChannelAlert">The 90 % channel alert is shown on this attendant's client.</param>
public sealed record AttendantView(bool LoggedOn, bool Available, bool CanAnswerCalls, CallRef? CurrentCall, bool SeesChannelAlert);
