using Concierge.Simulators.OsBiz.Numbering;
using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.OsBiz.Teams;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.OsBiz.Users;

public class UserWizardTests
{
    [Fact]
    public void Create_makes_a_trusted_external_user_with_last_first_and_provisions_the_cloud_user()
    {
        var site = new OsBizSite();
        Assert.Null(site.Osbiz.CreateUser("2140", "2140", "Ida", "Neu", "ida.neu@osbiz.com"));
        var user = site.Osbiz.Users["2140"];
        Assert.Equal(("Neu, Ida", StationKind.TrustedExternalUser, "2140", "855004923026672140"), (user.DisplayName, user.Kind, user.Did, user.Number.Dialled));
        Assert.Equal(("gtc-001", "+4923026672140"), (site.Site.Tenant.Users["ida.neu@osbiz.com"].Trunk, site.Site.Tenant.Users["ida.neu@osbiz.com"].PhoneNumber));
        Assert.Null(site.Osbiz.CreateUser("2141", "", "Jo", "Ohne", "jo@osbiz.com"));
        Assert.Null(site.Osbiz.Users["2141"].Did);
    }

    [Theory]
    [InlineData("2131", "2150", "call number 2131 is not free")]
    [InlineData("2135", "2150", "call number 2135 is not free")]
    [InlineData("21x", "2150", "call number '21x' must be 1–8 digits")]
    [InlineData("2150", "2131", "DID 2131 is in use")]
    [InlineData("7654321", "2150", UnifyPhoneCallNumber.E164LengthHint)]
    public void Create_refusals_change_nothing(string callNumber, string did, string refusal)
    {
        var site = new OsBizSite();
        var before = (site.Osbiz.Users.Count, site.Site.Tenant.Users.Count);
        Assert.Equal(refusal, site.Osbiz.CreateUser(callNumber, did, "Eve", "Long", "eve@example.com"));
        Assert.Equal(before, (site.Osbiz.Users.Count, site.Site.Tenant.Users.Count));
    }

    [Fact]
    public void The_model_capacity_limits_the_users()
    {
        var site = new OsBizSite(edit: y => y.Replace("maxUnifyPhoneUsers: 150", "maxUnifyPhoneUsers: 4", StringComparison.Ordinal));
        Assert.Null(site.Osbiz.CreateUser("2140", null, "A", "B", "a@osbiz.com"));
        Assert.Equal("the system takes at most 4 Unify Phone users (V3 X5, basic)", site.Osbiz.CreateUser("2141", null, "C", "D", "c@osbiz.com"));
    }

    [Fact]
    public void Add_assigns_an_existing_unassigned_cloud_user_only()
    {
        var site = new OsBizSite();
        Assert.Null(site.Site.Tenant.Provision(site.Osbiz.ApiKey, "free@osbiz.com", "Free", "User", "de-DE"));
        Assert.Equal("nobody@osbiz.com is not a Unify Phone user of the tenant", site.Osbiz.AddUser("2150", null, "No", "Body", "nobody@osbiz.com"));
        Assert.Equal("user1.abc@osbiz.com is already assigned to an OpenScape Business user", site.Osbiz.AddUser("2150", null, "U", "One", "user1.abc@osbiz.com"));
        Assert.Null(site.Osbiz.AddUser("2150", "2150", "Free", "User", "free@osbiz.com"));
        Assert.Equal("+4923026672150", site.Site.Tenant.Users["free@osbiz.com"].PhoneNumber);
    }

    [Fact]
    public void Remove_keeps_the_cloud_user_and_delete_removes_it()
    {
        var site = new OsBizSite();
        Assert.Null(site.Osbiz.RemoveUser("2134"));
        Assert.Null(site.Site.Tenant.Users["user4.def@osbiz.com"].Trunk);
        Assert.Null(site.Osbiz.DeleteUser("2131"));
        Assert.False(site.Site.Tenant.Users.ContainsKey("user1.abc@osbiz.com"));
        Assert.Equal("2131 is not a Unify Phone user of osbiz", site.Osbiz.DeleteUser("2131"));
        Assert.Equal("42135 is in team 2135: take it out of the team first", site.Osbiz.RemoveUser("42135"));
    }

    [Fact]
    public void Without_the_rest_api_users_cannot_be_deleted()
    {
        var site = new OsBizSite();
        site.Site.Tenant.RegenerateApiKey();
        Assert.Equal("no connection to REST API: API key invalid or regenerated", site.Osbiz.DeleteUser("2134"));
        Assert.True(site.Osbiz.Users.ContainsKey("2134"));
        Assert.True(site.Site.Tenant.Users.ContainsKey("user4.def@osbiz.com"));
    }

    [Fact]
    public void The_team_wizard_takes_one_desk_phone_and_gives_the_user_the_team_number()
    {
        var site = new OsBizSite();
        Assert.Equal("855004923026672135", site.Osbiz.CallNumberOf("42135")!.Dialled);
        Assert.Equal(TeamRules.CordlessNotApproved, site.Osbiz.ConfigureTeam("2136", ["2136"], "2131"));
        Assert.Equal(TeamRules.ExactlyOneDeskPhone, site.Osbiz.ConfigureTeam("2137", ["2137", "2138"], "2131"));
        Assert.Equal("2135 is in a team already", site.Osbiz.ConfigureTeam("2139", ["2135"], "2131"));
        Assert.Equal("855004923026672131", site.Osbiz.CallNumberOf("2131")!.Dialled);
        Assert.Null(site.Osbiz.ConfigureTeam("2137", ["2137"], "2131"));
        Assert.Equal(("855004923026672137", (string?)null, "2137"), (site.Osbiz.CallNumberOf("2131")!.Dialled, site.Osbiz.Users["2131"].Did, site.Osbiz.Users["2131"].Team));
        Assert.Equal("+4923026672137", site.Site.Tenant.Users["user1.abc@osbiz.com"].PhoneNumber);
    }

    [Fact]
    public void Validate_numbers_flags_numbers_that_no_longer_fit()
    {
        var site = new OsBizSite();
        Assert.Equal(["2131", "2134", "42135"], site.Osbiz.ChangeLocationNumber(new LocationNumber("49", "230266", "7777")));
        Assert.Equal(UnifyPhoneCallNumber.E164LengthHint, site.Osbiz.CallNumberOf("2131")!.InvalidReason);
        Assert.Empty(site.Osbiz.ChangeLocationNumber(new LocationNumber("49", "23026", "7777"))); // 2+5+4+4 = 15 digits fit
        Assert.Empty(site.Osbiz.ChangeLocationNumber(new LocationNumber("49", "2302", "7777")));
        Assert.Empty(site.Osbiz.ChangeLocationNumber(new LocationNumber("49", "2302", "667")));
    }

    [Fact]
    public void Internal_numbering_gives_short_numbers_and_client_calls_still_run_over_the_trunk()
    {
        var site = new OsBizSite(edit: y => y.Replace("numberingSchema: international", "numberingSchema: internal", StringComparison.Ordinal));
        Assert.Equal(("8552131", "2131"), (site.Osbiz.CallNumberOf("2131")!.Dialled, site.Osbiz.CallNumberOf("2131")!.TrunkNumber));
        Assert.Null(site.Osbiz.CreateUser("7654321", null, "Eve", "Long", "eve@osbiz.com")); // no E.164 limit for short numbers
        var call = site.Site.Connector.Dial("user1.abc@osbiz.com", "+4930111").Call!;
        site.Loop.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(Concierge.Simulators.UnifyPhone.Connector.ClientCallState.Connected, call.State);
    }
}
