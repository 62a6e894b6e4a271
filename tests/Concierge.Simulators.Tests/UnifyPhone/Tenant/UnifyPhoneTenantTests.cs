using System.Text;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Simulators.UnifyPhone.Jwt;
using Concierge.Simulators.UnifyPhone.Tenant;
using Concierge.Simulators.UnifyPhone.Users;

namespace Concierge.Simulators.Tests.UnifyPhone.Tenant;

public class UnifyPhoneTenantTests
{
    private const string Key = "UP-API-KEY-EXAMPLE-0001";
    private readonly SimulatedEventLoop _loop = new();

    private UnifyPhoneTenant Tenant()
    {
        var tenant = new UnifyPhoneTenant("t", "phoneapp.unify.com", Key, new TelephonyConnector("gtc-012", "OSBIZ"), _loop.Time, new DeterministicRandom(1));
        tenant.SetJwtExpiry(TimeSpan.FromDays(90));
        return tenant;
    }

    [Fact]
    public void Systems_sharing_the_key_get_their_own_trunks_and_the_same_one_when_they_run_the_wizard_again()
    {
        var tenant = Tenant();
        Assert.Equal("gtc-001", tenant.Connect("osbiz", Key).Trunk!.Name);
        Assert.Equal("gtc-002", tenant.Connect("osbiz2", Key).Trunk!.Name);
        Assert.Equal("gtc-001", tenant.Connect("osbiz", Key).Trunk!.Name);
        Assert.Equal((null, "API key invalid or regenerated"), (tenant.Connect("osbiz3", "wrong").Trunk, tenant.Connect("osbiz3", "wrong").Refusal));
        Assert.Equal(2, tenant.Trunks.Count);
    }

    [Fact]
    public void Regenerating_the_key_cuts_off_every_system_on_the_old_one_until_it_connects_with_the_new_key()
    {
        var tenant = Tenant();
        var trunk = tenant.Connect("osbiz", Key).Trunk!;
        var retired = new List<string>();
        tenant.ApiKeyRegenerated += retired.Add;
        var fresh = tenant.RegenerateApiKey();
        Assert.NotEqual(Key, fresh);
        Assert.Equal([Key], retired);
        Assert.False(tenant.IsCurrent(trunk));
        Assert.Equal(RestConnectionProblem.ApiKeyInvalidOrRegenerated, tenant.RestProblem(Key));
        Assert.Equal(ProvisioningRefusal.NoRestConnection, tenant.Provision(Key, "a@example.com", "A", "B", "de-DE"));
        Assert.Null(tenant.RestProblem(fresh));
        Assert.True(tenant.IsCurrent(tenant.Connect("osbiz", fresh).Trunk!));
    }

    [Fact]
    public void The_rest_connection_needs_a_functional_jwt_and_names_the_faq_cause()
    {
        var tenant = Tenant();
        tenant.Jwt.Clear();
        Assert.Equal("Unify Phone JWT is not configured", tenant.RestProblem(Key));
        tenant.SetJwtExpiry(TimeSpan.FromDays(1));
        _loop.RunFor(TimeSpan.FromDays(2));
        Assert.Equal("Unify Phone JWT expired", tenant.RestProblem(Key));
        tenant.SetJwtExpiry(TimeSpan.FromDays(10));
        Assert.Equal(JwtStatus.Expiring, tenant.JwtStatus);
        Assert.Null(tenant.RestProblem(Key));
    }

    [Theory]
    [InlineData("Not set")]
    [InlineData("Expired")]
    [InlineData("Invalid token")]
    public void Provisioning_is_refused_without_a_functional_jwt_and_changes_nothing(string status)
    {
        var tenant = Tenant();
        tenant.Connect("osbiz", Key);
        if (status == "Not set") tenant.Jwt.Clear();
        if (status == "Invalid token") tenant.Jwt.Invalidate();
        if (status == "Expired") _loop.RunFor(TimeSpan.FromDays(91));
        Assert.Equal(status, tenant.JwtStatus.Text());
        Assert.Equal("a JSON Web Token (JWT) is needed for user provisioning in Unify Phone", tenant.Provision(Key, "a@example.com", "A", "B", "de-DE"));
        var import = tenant.Import(Encoding.UTF8.GetBytes("emailAddress,firstName,lastName,locale\na@example.com,A,B,de-DE\n"), "gtc-001");
        Assert.Equal("a JSON Web Token (JWT) is needed for user provisioning in Unify Phone", import.FileProblem);
        Assert.Empty(tenant.Users);
    }

    [Fact]
    public void An_import_is_all_or_nothing_with_a_verdict_for_every_row()
    {
        var tenant = Tenant();
        tenant.Connect("osbiz", Key);
        tenant.Seed(new CloudUser("old@example.com", "O", "Ld", "de-DE"));
        var bad = tenant.Import(Encoding.UTF8.GetBytes("emailAddress,firstName,lastName,locale\na@example.com,A,B,de-DE\nOLD@example.com,O,L,de-DE\nb@example.com,B,C,xx_YY\nA@example.com,A,B,de\n"), "gtc-001");
        Assert.False(bad.Imported);
        Assert.Equal([(2, (string?)null), (3, "line 3: OLD@example.com is already a user of the tenant"), (4, "line 4: locale 'xx_YY' is not a language tag such as de-DE"),
            (5, "line 5: emailAddress A@example.com is already on line 2")], bad.Rows.Select(r => (r.Line, r.Reason)));
        Assert.Equal(["old@example.com"], tenant.Users.Keys);
        var good = tenant.Import(Encoding.UTF8.GetBytes("emailAddress,firstName,lastName,locale\na@example.com,A,B,de-DE\nb@example.com,B,C,en-US\n"), "gtc-001");
        Assert.True(good.Imported, good.Describe());
        Assert.Equal("gtc-001", tenant.Users["b@example.com"].Trunk);
        Assert.Equal("'gtc-009' is not an OSBIZ trunk of the tenant", tenant.Import(Encoding.UTF8.GetBytes(""), "gtc-009").FileProblem);
    }

    [Fact]
    public void Users_are_assigned_unassigned_and_deleted_by_email()
    {
        var tenant = Tenant();
        Assert.Null(tenant.Provision(Key, "u@example.com", "U", "Ser", "de-DE"));
        Assert.Equal("U@example.com is already a user of the tenant", tenant.Provision(Key, "U@example.com", "U", "Ser", "de-DE"));
        Assert.Equal("emailAddress 'nope' is not an e-mail address", tenant.Provision(Key, "nope", "U", "Ser", "de-DE"));
        Assert.True(tenant.Assign("u@example.com", "gtc-001", "+4923026672131"));
        Assert.Equal("u@example.com", tenant.UserAt("gtc-001", "+4923026672131")!.EmailAddress);
        tenant.Unassign("u@example.com");
        Assert.Null(tenant.UserAt("gtc-001", "+4923026672131"));
        Assert.True(tenant.Delete("u@example.com"));
        Assert.False(tenant.Assign("u@example.com", "gtc-001", "1"));
    }
}
