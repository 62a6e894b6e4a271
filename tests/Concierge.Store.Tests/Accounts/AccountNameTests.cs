using Concierge.Store.Accounts;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Store.Tests.Accounts;

public sealed class AccountNameTests
{
    [Fact]
    public void Tenant_backslash_name_is_read_and_written_back()
    {
        var name = AccountName.Parse("account", "DEFAULT\\alice");
        Assert.Equal(new AccountName("DEFAULT", "alice"), name);
        Assert.Equal("DEFAULT\\alice", name.ToString());
        Assert.Equal("DEFAULT\\alice", AccountName.Parse("account", "DEFAULT\\Alice").Key);
    }

    [Theory]
    [InlineData("alice", "is not <tenant>\\<name>")]
    [InlineData("\\alice", "is not <tenant>\\<name>")]
    [InlineData("DEFAULT\\", "is not <tenant>\\<name>")]
    [InlineData("a\\b\\c", "is not <tenant>\\<name>")]
    [InlineData("DEFAULT\\al ice", "has a name with characters other than")]
    public void Anything_else_is_refused_naming_field_and_value(string text, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AccountName.Parse("account", text));
        Assert.StartsWith($"account: \"{text}\" {reason}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_never_throws_anything_but_a_store_exception() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            if (AccountName.TryParse(text, out var name, out _)) return AccountName.Parse("a", name.ToString()) == name;
            return Record.Exception(() => AccountName.Parse("a", text)) is StoreException;
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500));
}
