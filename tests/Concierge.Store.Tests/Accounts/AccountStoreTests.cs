using Concierge.Store.Accounts;

namespace Concierge.Store.Tests.Accounts;

public sealed class AccountStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PasswordPolicy Fast = PasswordPolicy.ForTestsOnly(1_000);
    private static readonly AccountName Alice = new("DEFAULT", "alice");

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void An_account_is_found_by_its_name_in_any_case_and_a_second_with_that_name_is_refused(string dialect)
    {
        using var test = new TestStore(dialect);
        var store = test.Open();
        Assert.False(store.HasAdministrator());
        var added = store.AddAccount(Alice, AccountRole.Administrator, PasswordHash.Create("correct horse battery", Fast), Now);

        var found = store.FindAccount(new AccountName("DEFAULT", "ALICE"));
        Assert.Equal(added, found);
        Assert.Equal(AccountRole.Administrator, found!.Role);
        Assert.True(found.Password.Matches("correct horse battery"));
        Assert.True(store.HasAdministrator());
        Assert.Null(store.FindAccount(new AccountName("Hotel", "alice")));
        var error = Assert.Throws<StoreException>(() => store.AddAccount(Alice, AccountRole.User, PasswordHash.Create("another password", Fast), Now));
        Assert.Contains("\"DEFAULT\\alice\" exists already", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void A_token_is_live_until_it_expires_or_is_revoked(string dialect)
    {
        using var test = new TestStore(dialect);
        var store = test.Open();
        var account = store.AddAccount(Alice, AccountRole.User, PasswordHash.Create("correct horse battery", Fast), Now);
        var token = store.IssueToken(account, Now, TimeSpan.FromHours(8));
        var other = store.IssueToken(account, Now, TimeSpan.FromHours(8));

        Assert.NotEqual(token, other);
        Assert.Equal((account, Now.AddHours(8)), store.FindToken(token, Now.AddHours(1)));
        Assert.Null(store.FindToken(token, Now.AddHours(8)));
        Assert.Null(store.FindToken(token + "x", Now));
        Assert.True(store.RevokeToken(other));
        Assert.Null(store.FindToken(other, Now));
        Assert.False(store.RevokeToken(other));
    }

    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void A_reset_changes_the_password_and_ends_the_tokens_and_a_removal_ends_everything(string dialect)
    {
        using var test = new TestStore(dialect);
        var store = test.Open();
        var account = store.AddAccount(Alice, AccountRole.Manager, PasswordHash.Create("correct horse battery", Fast), Now);
        var token = store.IssueToken(account, Now, TimeSpan.FromHours(8));

        Assert.True(store.ResetPassword(Alice, PasswordHash.Create("a new long password", Fast), Now.AddMinutes(1)));
        Assert.Null(store.FindToken(token, Now.AddMinutes(2)));
        var reset = store.FindAccount(Alice)!;
        Assert.False(reset.Password.Matches("correct horse battery"));
        Assert.True(reset.Password.Matches("a new long password"));
        Assert.Equal(Now.AddMinutes(1), reset.PasswordChangedAt);

        var again = store.IssueToken(reset, Now.AddMinutes(2), TimeSpan.FromHours(8));
        Assert.True(store.RemoveAccount(Alice));
        Assert.Null(store.FindAccount(Alice));
        Assert.Null(store.FindToken(again, Now.AddMinutes(3)));
        Assert.False(store.RemoveAccount(Alice));
        Assert.False(store.ResetPassword(Alice, PasswordHash.Create("a new long password", Fast), Now));
        Assert.Empty(store.Accounts());
    }
}
