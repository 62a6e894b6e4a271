using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The Unify Phone and OpenScape Business phrases of STEPS.md.</summary>
[Binding]
public sealed class UnifyPhoneSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>The routing modes a Unify Phone user can have (U 3.6.3).</summary>
    public static readonly IReadOnlyList<string> RoutingModes = ["Default", "Desk phone", "Unify Phone", "Alternative number"];

    private string? _lastRejection;
    private bool _created;

    /// <summary>
    /// Given the CSTA application has private data presentation V8 off: the OSV no longer marks Unify Phone ONS
    /// devices on the CSTA link (C 4.3.5.1); its CSTA application restarts with the change.
    /// </summary>
    [Given("the CSTA application has private data presentation V8 off")]
    public void TheCstaApplicationHasV8Off() => Csta.SetPrivateDataPresentationV8(false);

    /// <summary>Given the Unify Phone tenant JWT expires in &lt;d&gt;.</summary>
    [Given("the Unify Phone tenant JWT expires in {duration}")]
    public void TheJwtExpiresIn(TimeSpan expiry) => UnifyPhone.SetJwtExpiry(expiry);

    /// <summary>Given the Unify Phone routing of "&lt;user&gt;" is "&lt;mode&gt;".</summary>
    [Given("the Unify Phone routing of {string} is {string}")]
    public void TheRoutingIs(string user, string mode)
    {
        if (!RoutingModes.Contains(mode, StringComparer.Ordinal))
            throw new FormatException($"\"{mode}\" is not a Unify Phone routing mode ({string.Join(" | ", RoutingModes)})");
        UnifyPhone.SetRouting(user, mode);
    }

    /// <summary>Given the alternative number of "&lt;user&gt;" is "&lt;number&gt;".</summary>
    [Given("the alternative number of {string} is {string}")]
    public void TheAlternativeNumberIs(string user, string number) => UnifyPhone.SetAlternativeNumber(user, number);

    /// <summary>When the Unify Phone API key is regenerated.</summary>
    [When("the Unify Phone API key is regenerated")]
    public void TheApiKeyIsRegenerated() => UnifyPhone.RegenerateApiKey();

    /// <summary>When the Unify Phone user "&lt;callno&gt;" is created with DID "&lt;did&gt;", first name "&lt;f&gt;", last name "&lt;l&gt;" and e-mail "&lt;e&gt;".</summary>
    [When("the Unify Phone user {string} is created with DID {string}, first name {string}, last name {string} and e-mail {string}")]
    public void TheUserIsCreated(string callno, string did, string first, string last, string email)
    {
        _lastRejection = UnifyPhone.CreateUser(callno, did, first, last, email);
        _created = true;
    }

    /// <summary>When the Unify Phone users are imported from: (table with the CSV header row).</summary>
    [When("the Unify Phone users are imported from:")]
    public void TheUsersAreImported(IReadOnlyList<UnifyPhoneUserRow> rows) => UnifyPhone.ImportUsers(rows);

    /// <summary>Then the JWT status is "&lt;status&gt;".</summary>
    [Then("the JWT status is {string}")]
    public void TheJwtStatusIs(string status)
    {
        var tenant = UnifyPhone;
        World.Expect(() => tenant.JwtStatus == status, () => $"JWT status {tenant.JwtStatus}");
    }

    /// <summary>Then "&lt;system&gt;" has no connection to the Unify Phone REST API.</summary>
    [Then("{string} has no connection to the Unify Phone REST API")]
    public void HasNoConnection(string system)
    {
        var tenant = UnifyPhone;
        World.Expect(() => !tenant.HasRestConnection(system), () => $"{system} is connected to the Unify Phone REST API");
    }

    /// <summary>Then the Unify Phone call number of "&lt;callno&gt;" is "&lt;number&gt;".</summary>
    [Then("the Unify Phone call number of {string} is {string}")]
    public void TheCallNumberIs(string callno, string number)
    {
        var tenant = UnifyPhone;
        World.Expect(() => tenant.CallNumberOf(callno) == number, () => tenant.CallNumberOf(callno) is { } actual ? $"call number {actual}" : "no such user");
    }

    /// <summary>Then the Unify Phone user creation is rejected with "&lt;reason&gt;".</summary>
    [Then("the Unify Phone user creation is rejected with {string}")]
    public void TheCreationIsRejected(string reason)
    {
        _ = UnifyPhone;
        if (!_created) throw new InvalidOperationException("no Unify Phone user was created in this scenario");
        World.Expect(() => _lastRejection == reason, () => _lastRejection is null ? "the user was created" : $"rejected with \"{_lastRejection}\"");
    }

    /// <summary>Then &lt;n&gt; simultaneous Unify Phone calls are allowed.</summary>
    [Then("{int} simultaneous Unify Phone calls are allowed")]
    public void SimultaneousCallsAreAllowed(int count)
    {
        var tenant = UnifyPhone;
        World.Expect(() => tenant.SimultaneousCallsAllowed == count, () => $"{tenant.SimultaneousCallsAllowed} simultaneous calls allowed");
    }
}
