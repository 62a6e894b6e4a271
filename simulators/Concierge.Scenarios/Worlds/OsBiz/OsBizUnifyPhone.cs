using Concierge.Scenarios.Systems;
using Concierge.Simulators.OsBiz;
using Concierge.Simulators.OsBiz.Numbering;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.UnifyPhone.Connector;
using Concierge.Simulators.UnifyPhone.Csv;
using Concierge.Simulators.UnifyPhone.Jwt;

namespace Concierge.Scenarios.Worlds.OsBiz;

/// <summary>The Unify Phone tenant and the OpenScape Business wizards as the steps see them.</summary>
internal sealed class OsBizUnifyPhone(UnifyPhoneSite site) : IUnifyPhoneSite
{
    private UserImportResult? _import;
    private readonly List<ClientCall> _clientCalls = [];
    private readonly List<(string CallNumber, string Reason)> _dialRefusals = [];

    private OsBizSystem Main => site.Main;

    public void SetJwtExpiry(TimeSpan from) => site.Tenant.SetJwtExpiry(from);

    public void SetRouting(string user, string mode)
    {
        if (ChooseRouting(user, mode) is { } refusal) throw new InvalidOperationException($"the routing of {user} cannot be '{mode}': {refusal}");
    }

    public string? ChooseRouting(string user, string mode) =>
        RoutingModes.Parse(mode) is { } parsed ? Main.SetRouting(user, parsed) : $"'{mode}' is not a routing mode";

    public void SetAlternativeNumber(string user, string number)
    {
        if (Main.SetAlternativeNumber(user, number) is { } refusal) throw new InvalidOperationException($"the alternative number of {user} cannot be {number}: {refusal}");
    }

    public void RegenerateApiKey() => site.Tenant.RegenerateApiKey();

    public string? CreateUser(string callNumber, string did, string firstName, string lastName, string email) =>
        Main.CreateUser(callNumber, did, firstName, lastName, email);

    public void ImportUsers(IReadOnlyList<UnifyPhoneUserRow> rows) =>
        Import(UserCsvFile.Write(UserCsvFile.Header, rows.Select(r => (IReadOnlyList<string>)[r.EmailAddress, r.FirstName, r.LastName, r.Locale])));

    public void ImportCsv(IReadOnlyList<IReadOnlyList<string>> lines) =>
        Import(lines.Count == 0 ? [] : UserCsvFile.Write(lines[0], lines.Skip(1)));

    private void Import(byte[] csv) =>
        _import = Main.TrunkName is { } trunk ? site.Tenant.Import(csv, trunk) : new UserImportResult("the system has no Unify Phone trunk", []);

    public string? ImportFileProblem => RequireImport().FileProblem;

    public IReadOnlyList<(int Line, string? Reason)> ImportVerdicts => RequireImport().Rows.Select(r => (r.Line, r.Reason)).ToArray();

    public bool Imported => RequireImport().Imported;

    private UserImportResult RequireImport() => _import ?? throw new InvalidOperationException("no Unify Phone users were imported in this scenario");

    public string JwtStatus => site.Tenant.JwtStatus.Text();

    public bool HasRestConnection(string system) => RequireSystem(system).RestProblem is null;

    public string? CallNumberOf(string callNumber) => Main.CallNumberOf(callNumber)?.Dialled;

    public string? CallNumberProblem(string callNumber) => Main.CallNumberOf(callNumber)?.InvalidReason;

    public int SimultaneousCallsAllowed => Main.LinesAvailable;

    public string? ConfigureTeam(string team, string user, IReadOnlyList<string> phones) => Main.ConfigureTeam(team, phones, user);

    public string? RemoveUser(string callNumber) => Main.RemoveUser(callNumber);

    public string? DeleteUser(string callNumber) => Main.DeleteUser(callNumber);

    public bool IsSystemUser(string system, string callNumber) => RequireSystem(system).Users.ContainsKey(callNumber);

    public bool IsCloudUser(string email) => site.Tenant.Users.ContainsKey(email);

    public void ClientDials(string callNumber, string target, int count)
    {
        var user = Main.UserOf(callNumber) ?? throw new ArgumentException($"{callNumber} is not a Unify Phone user of {Main.Name}");
        for (var i = 0; i < count; i++)
        {
            var (call, refusal) = site.Connector.Dial(user.Email, target);
            if (call is not null) _clientCalls.Add(call);
            else _dialRefusals.Add((user.CallNumber, refusal!));
        }
    }

    public void ClientHangsUp(string callNumber) =>
        site.Connector.HangUp((Main.UserOf(callNumber) ?? throw new ArgumentException($"{callNumber} is not a Unify Phone user of {Main.Name}")).Email);

    public int ClientCallsConnected => _clientCalls.Count(c => c.State == ClientCallState.Connected);

    public IReadOnlyList<string> ClientCallRefusals(string callNumber)
    {
        var email = Main.UserOf(callNumber)?.Email;
        return _clientCalls.Where(c => c.User == email && c.State == ClientCallState.Refused).Select(c => c.RefusalReason ?? $"{c.RefusalStatus}")
            .Concat(_dialRefusals.Where(r => Main.UserOf(callNumber)?.CallNumber == r.CallNumber).Select(r => r.Reason)).ToArray();
    }

    public void Cause(UnifyPhoneFault fault, string subject, string? value = null)
    {
        switch (fault)
        {
            case UnifyPhoneFault.NoSoftwareSupport:
                RequireSystem(subject).SoftwareSupport = false;
                break;
            case UnifyPhoneFault.RouteFlagOff:
                RequireSystem(subject).RouteTrustedExternalUsers = false;
                break;
            case UnifyPhoneFault.TrunkLines:
                RequireSystem(subject).SetTrunkLines(int.Parse(value ?? "0", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case UnifyPhoneFault.NoLicense:
                Main.SetLicensed(subject, false);
                break;
            case UnifyPhoneFault.StationType:
                Main.ChangeStationKindInExpertMode(subject, StationKinds.Parse(value ?? "") ?? throw new FormatException($"'{value}' is not a station type (ipDeskPhone, tdmDeskPhone, cordless, trustedExternalUser, mobilityUser)"));
                break;
            case UnifyPhoneFault.MobileCallNumber:
                Main.ChangeMobileCallNumberInExpertMode(subject, value ?? "");
                break;
            case UnifyPhoneFault.ExpertModeEdit:
                Main.EditInExpertMode(subject);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault");
        }
    }

    public string? AddSystem(string name)
    {
        var system = site.AddSystem(name, name);
        var refusal = system.RunConnectivityWizard(site.Tenant.ApiKey);
        if (refusal is null) site.RunUntilRegistered(OsBizWorld.BootLimit);
        return refusal;
    }

    public void RestoreClone(string name, string original)
    {
        var source = RequireSystem(original);
        var clone = site.AddSystem(name, name);
        clone.RestoreConnector(source.TrunkName ?? throw new InvalidOperationException($"{original} has no Unify Phone connector"), source.ApiKey);
    }

    public string? TrunkOf(string system) => RequireSystem(system).TrunkName;

    public bool IsTrunkRegistered(string system)
    {
        var s = RequireSystem(system);
        return s.TrunkName is { } trunk && site.Connector.RegisteredFrom(trunk) is { } from && from.Equals(s.Trunk.Ua.Stack.Transport.Address);
    }

    public IReadOnlyList<(string Trunk, string Message)> ClonedSystemErrors => site.Connector.ClonedSystems.Select(r => (r.Trunk, r.Message)).ToArray();

    public string ConnectorStatus => Simulators.UnifyPhone.Tenant.TelephonyConnector.StatusText(site.Connector.IsAvailable);

    public void ChangeLocationNumber(string system, string countryCode, string areaCode, string pabxNumber) =>
        RequireSystem(system).ChangeLocationNumber(new LocationNumber(countryCode, areaCode, pabxNumber));

    public void ChangeJwt(bool remove)
    {
        if (remove) site.Tenant.Jwt.Clear();
        else site.Tenant.Jwt.Invalidate();
    }

    private OsBizSystem RequireSystem(string name) =>
        site.System(name) ?? throw new ArgumentException($"'{name}' is not a system of the site ({string.Join(", ", site.Systems.Select(s => s.Name))})");
}
