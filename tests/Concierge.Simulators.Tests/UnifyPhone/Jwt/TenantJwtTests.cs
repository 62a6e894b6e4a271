using Concierge.Simulators.UnifyPhone.Jwt;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Simulators.Tests.UnifyPhone.Jwt;

public class TenantJwtTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Statuses_follow_the_clock_from_active_over_expiring_to_expired()
    {
        var jwt = new TenantJwt();
        Assert.Equal(JwtStatus.NotSet, jwt.StatusAt(Now));
        jwt.Set(Now.AddDays(90));
        Assert.Equal(JwtStatus.Active, jwt.StatusAt(Now));
        Assert.Equal(JwtStatus.Active, jwt.StatusAt(Now.AddDays(90).AddMonths(-1).AddTicks(-1)));
        Assert.Equal(JwtStatus.Expiring, jwt.StatusAt(Now.AddDays(90).AddMonths(-1)));
        Assert.Equal(JwtStatus.Expiring, jwt.StatusAt(Now.AddDays(90).AddTicks(-1)));
        Assert.Equal(JwtStatus.Expired, jwt.StatusAt(Now.AddDays(90)));
    }

    [Fact]
    public void An_invalidated_token_is_invalid_until_a_new_one_is_set_and_clearing_means_not_set()
    {
        var jwt = new TenantJwt();
        jwt.Invalidate();
        Assert.Equal(JwtStatus.NotSet, jwt.StatusAt(Now));
        jwt.Set(Now.AddDays(90));
        jwt.Invalidate();
        Assert.Equal(JwtStatus.InvalidToken, jwt.StatusAt(Now));
        jwt.Set(Now.AddDays(5));
        Assert.Equal(JwtStatus.Expiring, jwt.StatusAt(Now));
        jwt.Clear();
        Assert.Equal(JwtStatus.NotSet, jwt.StatusAt(Now));
    }

    [Fact]
    public void Only_active_and_expiring_are_functional_and_texts_are_the_administration_apps()
    {
        Assert.Equal(["Not set", "Active", "Invalid token", "Expiring", "Expired"], Enum.GetValues<JwtStatus>().Select(s => s.Text()));
        Assert.Equal([JwtStatus.Active, JwtStatus.Expiring], Enum.GetValues<JwtStatus>().Where(s => s.IsFunctional()));
    }

    [Fact]
    public void Expiring_starts_exactly_one_calendar_month_before_expiry_whatever_the_expiry()
    {
        Prop.ForAll(Gen.Choose(1, 2000).ToArbitrary(), Gen.Choose(0, 86_399).ToArbitrary(), (days, seconds) =>
        {
            var jwt = new TenantJwt();
            var expiry = Now.AddDays(days).AddSeconds(seconds);
            jwt.Set(expiry);
            var from = expiry.AddMonths(-1);
            return (jwt.ExpiringFrom == from
                    && jwt.StatusAt(from) == JwtStatus.Expiring
                    && jwt.StatusAt(from.AddTicks(-1)) == (from.AddTicks(-1) >= expiry ? JwtStatus.Expired : JwtStatus.Active)
                    && jwt.StatusAt(expiry) == JwtStatus.Expired).Label($"expiry {expiry:O}");
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}
