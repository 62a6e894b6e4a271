using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using PendingStepException = Concierge.Scenarios.World.PendingStepException;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>
/// Phrases for OpenScape Business with Unify Phone that STEPS.md has none for (its Unify Phone section stays as it
/// is): the wizards' refusals, raw CSV files, client calls over the connector trunk, the FAQ's "no calls" causes,
/// further and cloned systems, and who a call rings exactly.
/// </summary>
[Binding]
public sealed class OsBizUnifyPhoneSteps(ScenarioWorld world) : StepsBase(world)
{
    private string? _lastRefusal;
    private bool _requested;

    private IUnifyPhoneSite Site =>
        World.Need(World.System.UnifyPhone, "the Unify Phone simulator") as IUnifyPhoneSite
        ?? throw new PendingStepException("needs the OpenScape Business simulator with Unify Phone");

    private void Request(string? refusal)
    {
        _lastRefusal = refusal;
        _requested = true;
    }

    // ---- setup: JWT and the FAQ causes (U 5.3)

    /// <summary>Given the Unify Phone tenant JWT is invalidated.</summary>
    [Given("the Unify Phone tenant JWT is invalidated")]
    public void TheJwtIsInvalidated() => Site.ChangeJwt(remove: false);

    /// <summary>Given the Unify Phone tenant has no JWT.</summary>
    [Given("the Unify Phone tenant has no JWT")]
    public void TheTenantHasNoJwt() => Site.ChangeJwt(remove: true);

    /// <summary>Given "&lt;system&gt;" is not under software support.</summary>
    [Given("{string} is not under software support")]
    public void NoSoftwareSupport(string system) => Site.Cause(UnifyPhoneFault.NoSoftwareSupport, system);

    /// <summary>Given "&lt;system&gt;" has &lt;n&gt; Unify Phone trunk lines.</summary>
    [Given("{string} has {int} Unify Phone trunk lines")]
    public void TrunkLines(string system, int lines) => Site.Cause(UnifyPhoneFault.TrunkLines, system, lines.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Given the Unify Phone license of "&lt;callno&gt;" is taken away.</summary>
    [Given("the Unify Phone license of {string} is taken away")]
    public void LicenseTakenAway(string user) => Site.Cause(UnifyPhoneFault.NoLicense, user);

    /// <summary>Given the station type of Unify Phone user "&lt;callno&gt;" is changed to "&lt;type&gt;" in Expert Mode.</summary>
    [Given("the station type of Unify Phone user {string} is changed to {string} in Expert Mode")]
    public void StationTypeChanged(string user, string type) => Site.Cause(UnifyPhoneFault.StationType, user, type);

    /// <summary>Given the route flag "Trusted External Users" of "&lt;system&gt;" is off.</summary>
    [Given("the route flag \"Trusted External Users\" of {string} is off")]
    public void RouteFlagOff(string system) => Site.Cause(UnifyPhoneFault.RouteFlagOff, system);

    /// <summary>Given the trusted external station call number of "&lt;callno&gt;" is changed to "&lt;number&gt;" in Expert Mode.</summary>
    [Given("the trusted external station call number of {string} is changed to {string} in Expert Mode")]
    public void MobileCallNumberChanged(string user, string number) => Site.Cause(UnifyPhoneFault.MobileCallNumber, user, number);

    /// <summary>Given the Unify Phone user "&lt;callno&gt;" is edited in Expert Mode.</summary>
    [Given("the Unify Phone user {string} is edited in Expert Mode")]
    public void EditedInExpertMode(string user) => Site.Cause(UnifyPhoneFault.ExpertModeEdit, user);

    // ---- wizards and client settings

    /// <summary>When the Unify Phone user "&lt;callno&gt;" chooses the routing "&lt;mode&gt;".</summary>
    [When("the Unify Phone user {string} chooses the routing {string}")]
    public void ChoosesRouting(string user, string mode) => Request(Site.ChooseRouting(user, mode));

    /// <summary>When the team "&lt;team&gt;" is configured with Unify Phone user "&lt;callno&gt;" and the telephones "&lt;a&gt;", ….</summary>
    [When("the team {string} is configured with Unify Phone user {string} and the telephones {strings}")]
    public void TeamConfigured(string team, string user, IReadOnlyList<string> phones) => Request(Site.ConfigureTeam(team, user, phones));

    /// <summary>When the Unify Phone user "&lt;callno&gt;" is removed (from the system only).</summary>
    [When("the Unify Phone user {string} is removed")]
    public void UserRemoved(string user) => Request(Site.RemoveUser(user));

    /// <summary>When the Unify Phone user "&lt;callno&gt;" is deleted (from the system and the cloud).</summary>
    [When("the Unify Phone user {string} is deleted")]
    public void UserDeleted(string user) => Request(Site.DeleteUser(user));

    /// <summary>When the Unify Phone route location number incoming of "&lt;system&gt;" becomes "&lt;cc&gt;", "&lt;area&gt;", "&lt;pabx&gt;" and the numbers are validated.</summary>
    [When("the Unify Phone location number incoming of {string} becomes {string}, {string}, {string} and the numbers are validated")]
    public void LocationNumberChanged(string system, string countryCode, string area, string pabx) => Site.ChangeLocationNumber(system, countryCode, area, pabx);

    /// <summary>Then the Unify Phone request is rejected with "&lt;reason&gt;".</summary>
    [Then("the Unify Phone request is rejected with {string}")]
    public void RequestRejected(string reason)
    {
        _ = Site;
        if (!_requested) throw new InvalidOperationException("no Unify Phone request was made in this scenario");
        World.Expect(() => _lastRefusal == reason, () => _lastRefusal is null ? "the request was done" : $"rejected with \"{_lastRefusal}\"");
    }

    /// <summary>Then the Unify Phone request is done.</summary>
    [Then("the Unify Phone request is done")]
    public void RequestDone()
    {
        _ = Site;
        if (!_requested) throw new InvalidOperationException("no Unify Phone request was made in this scenario");
        World.Expect(() => _lastRefusal is null, () => $"rejected with \"{_lastRefusal}\"");
    }

    /// <summary>Then "&lt;callno&gt;" is a Unify Phone user of "&lt;system&gt;".</summary>
    [Then("{string} is a Unify Phone user of {string}")]
    public void IsSystemUser(string user, string system)
    {
        var site = Site;
        World.Expect(() => site.IsSystemUser(system, user), () => $"{user} is no Unify Phone user of {system}");
    }

    /// <summary>Then "&lt;callno&gt;" is no Unify Phone user of "&lt;system&gt;".</summary>
    [Then("{string} is no Unify Phone user of {string}")]
    public void IsNoSystemUser(string user, string system)
    {
        var site = Site;
        World.Expect(() => !site.IsSystemUser(system, user), () => $"{user} is a Unify Phone user of {system}");
    }

    /// <summary>Then the Unify Phone tenant has the user "&lt;e-mail&gt;".</summary>
    [Then("the Unify Phone tenant has the user {string}")]
    public void TenantHasUser(string email)
    {
        var site = Site;
        World.Expect(() => site.IsCloudUser(email), () => $"the tenant has no user {email}");
    }

    /// <summary>Then the Unify Phone tenant has no user "&lt;e-mail&gt;".</summary>
    [Then("the Unify Phone tenant has no user {string}")]
    public void TenantHasNoUser(string email)
    {
        var site = Site;
        World.Expect(() => !site.IsCloudUser(email), () => $"the tenant has the user {email}");
    }

    /// <summary>Then the Unify Phone call number of "&lt;callno&gt;" is flagged invalid with "&lt;reason&gt;".</summary>
    [Then("the Unify Phone call number of {string} is flagged invalid with {string}")]
    public void CallNumberFlagged(string user, string reason)
    {
        var site = Site;
        World.Expect(() => site.CallNumberProblem(user) == reason, () => site.CallNumberProblem(user) is { } problem ? $"flagged with \"{problem}\"" : $"{site.CallNumberOf(user)} is valid");
    }

    // ---- CSV import

    /// <summary>When the Unify Phone users are imported from the CSV file: (table: every row a line of the file, the first the header as written).</summary>
    [When("the Unify Phone users are imported from the CSV file:")]
    public void ImportedFromFile(StepTable file) => Site.ImportCsv(file.Rows);

    /// <summary>Then the Unify Phone import is refused with "&lt;reason&gt;".</summary>
    [Then("the Unify Phone import is refused with {string}")]
    public void ImportRefused(string reason)
    {
        var site = Site;
        World.Expect(() => site.ImportFileProblem == reason, () => site.ImportFileProblem is { } problem ? $"refused with \"{problem}\"" : "the file was accepted");
    }

    /// <summary>Then the Unify Phone import refuses line &lt;n&gt; with "&lt;reason&gt;".</summary>
    [Then("the Unify Phone import refuses line {int} with {string}")]
    public void ImportRefusesLine(int line, string reason)
    {
        var site = Site;
        World.Expect(() => site.ImportVerdicts.Any(v => v.Line == line && v.Reason == reason), () => DescribeImport(site));
    }

    /// <summary>Then the Unify Phone import accepts line &lt;n&gt;.</summary>
    [Then("the Unify Phone import accepts line {int}")]
    public void ImportAcceptsLine(int line)
    {
        var site = Site;
        World.Expect(() => site.ImportVerdicts.Any(v => v.Line == line && v.Reason is null), () => DescribeImport(site));
    }

    /// <summary>Then the Unify Phone import added its users.</summary>
    [Then("the Unify Phone import added its users")]
    public void ImportAdded()
    {
        var site = Site;
        World.Expect(() => site.Imported, () => DescribeImport(site));
    }

    /// <summary>Then the Unify Phone import added no user.</summary>
    [Then("the Unify Phone import added no user")]
    public void ImportAddedNone()
    {
        var site = Site;
        World.Expect(() => !site.Imported, () => "the users were imported");
    }

    private static string DescribeImport(IUnifyPhoneSite site) =>
        site.ImportFileProblem is { } problem ? $"file refused: {problem}"
        : string.Join("; ", site.ImportVerdicts.Select(v => v.Reason ?? $"line {v.Line} accepted")) + (site.Imported ? " (imported)" : " (nothing imported)");

    // ---- client calls over the connector trunk

    /// <summary>When Unify Phone user "&lt;callno&gt;" makes &lt;n&gt; calls to "&lt;number&gt;".</summary>
    [When("Unify Phone user {string} makes {int} calls to {string}")]
    public void MakesCalls(string user, int count, string target) => Site.ClientDials(user, target, count);

    /// <summary>When Unify Phone user "&lt;callno&gt;" calls "&lt;number&gt;".</summary>
    [When("Unify Phone user {string} calls {string}")]
    public void Calls(string user, string target) => Site.ClientDials(user, target, 1);

    /// <summary>When Unify Phone user "&lt;callno&gt;" hangs up.</summary>
    [When("Unify Phone user {string} hangs up")]
    public void HangsUp(string user) => Site.ClientHangsUp(user);

    /// <summary>Then &lt;n&gt; Unify Phone calls are connected.</summary>
    [Then("{int} Unify Phone calls are connected")]
    public void CallsConnected(int count)
    {
        var site = Site;
        World.Expect(() => site.ClientCallsConnected == count, () => $"{site.ClientCallsConnected} Unify Phone calls connected");
    }

    /// <summary>Then the Unify Phone call of "&lt;callno&gt;" is refused with "&lt;reason&gt;".</summary>
    [Then("the Unify Phone call of {string} is refused with {string}")]
    public void CallRefused(string user, string reason)
    {
        var site = Site;
        World.Expect(() => site.ClientCallRefusals(user).Contains(reason),
            () => site.ClientCallRefusals(user) is { Count: > 0 } refusals ? "refused with " + string.Join("; ", refusals.Select(r => $"\"{r}\"")) : "no call was refused");
    }

    /// <summary>Then &lt;n&gt; Unify Phone calls of "&lt;callno&gt;" are refused.</summary>
    [Then("{int} Unify Phone calls of {string} are refused")]
    public void CallsRefused(int count, string user)
    {
        var site = Site;
        World.Expect(() => site.ClientCallRefusals(user).Count == count, () => $"{site.ClientCallRefusals(user).Count} refused");
    }

    // ---- systems and the connector

    /// <summary>When "&lt;system&gt;" runs the Unify Phone Connectivity wizard with the same API key.</summary>
    [When("{string} runs the Unify Phone Connectivity wizard with the same API key")]
    public void SecondSystem(string system)
    {
        if (Site.AddSystem(system) is { } refusal) throw new InvalidOperationException($"the wizard of {system} failed: {refusal}");
    }

    /// <summary>When "&lt;clone&gt;" is restored from a backup of "&lt;system&gt;" with the Unify Phone connector active.</summary>
    [When("{string} is restored from a backup of {string} with the Unify Phone connector active")]
    public void Restored(string clone, string system) => Site.RestoreClone(clone, system);

    /// <summary>Then "&lt;system&gt;" is connected to the Unify Phone REST API.</summary>
    [Then("{string} is connected to the Unify Phone REST API")]
    public void HasConnection(string system)
    {
        var site = Site;
        World.Expect(() => site.HasRestConnection(system), () => $"{system} has no connection to the Unify Phone REST API");
    }

    /// <summary>Then the Unify Phone trunk of "&lt;system&gt;" is "&lt;trunk&gt;".</summary>
    [Then("the Unify Phone trunk of {string} is {string}")]
    public void TrunkIs(string system, string trunk)
    {
        var site = Site;
        World.Expect(() => site.TrunkOf(system) == trunk, () => $"trunk {site.TrunkOf(system) ?? "none"}");
    }

    /// <summary>Then the Unify Phone trunk of "&lt;system&gt;" is registered.</summary>
    [Then("the Unify Phone trunk of {string} is registered")]
    public void TrunkRegistered(string system)
    {
        var site = Site;
        World.Expect(() => site.IsTrunkRegistered(system), () => $"the trunk of {system} is not registered");
    }

    /// <summary>Then the Unify Phone trunk of "&lt;system&gt;" is not registered.</summary>
    [Then("the Unify Phone trunk of {string} is not registered")]
    public void TrunkNotRegistered(string system)
    {
        var site = Site;
        World.Expect(() => !site.IsTrunkRegistered(system), () => $"the trunk of {system} is registered");
    }

    /// <summary>Then the telephony connector status is "&lt;status&gt;".</summary>
    [Then("the telephony connector status is {string}")]
    public void ConnectorStatus(string status)
    {
        var site = Site;
        World.Expect(() => site.ConnectorStatus == status, () => $"status {site.ConnectorStatus}");
    }

    /// <summary>Then the Unify Phone connector reports a second system on trunk "&lt;trunk&gt;".</summary>
    [Then("the Unify Phone connector reports a second system on trunk {string}")]
    public void CloneReported(string trunk)
    {
        var site = Site;
        World.Expect(() => site.ClonedSystemErrors.Any(e => e.Trunk == trunk),
            () => site.ClonedSystemErrors.Count == 0 ? "no error reported" : string.Join("; ", site.ClonedSystemErrors.Select(e => e.Message)));
    }

    // ---- who rings

    /// <summary>Then the call from caller "&lt;name&gt;" rings only at "&lt;a&gt;", … (exactly these devices, no others).</summary>
    [Then("the call from caller {string} rings only at {devices}")]
    public void RingsOnlyAt(string caller, IReadOnlyList<DeviceRef> devices)
    {
        var numbers = devices.Select(Number).Order(StringComparer.Ordinal).ToArray();
        var call = CallOf(caller);
        var callers = Callers;
        World.Expect(() => callers.Observe(call).RingingAt.Order(StringComparer.Ordinal).SequenceEqual(numbers), () => $"caller \"{caller}\" {callers.Observe(call).Describe()}");
    }
}
