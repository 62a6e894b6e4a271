using Concierge.Config.Numbers;
using Concierge.Cps.Directory;
using Concierge.Runtime.Collections;

namespace Concierge.Cps.Tests.Directory;

public sealed class PhoneDirectoryTests
{
    private static DirectoryEntry Entry(string name, params string[] numbers) =>
        new(name, numbers.Select(E164Number.Parse).ToValueList(), null, null, null);

    [Fact]
    public void A_number_belongs_to_one_entry_only()
    {
        var e = Assert.Throws<ArgumentException>(() => new PhoneDirectory([Entry("Ada", "+4950505807001"), Entry("Bob", "+4950505807001")]));
        Assert.Contains("+4950505807001 belongs to both \"Ada\" and \"Bob\"", e.Message);
    }

    [Fact]
    public void Entries_are_kept_by_name_and_a_search_returns_at_most_the_limit()
    {
        var many = Enumerable.Range(0, 80).Select(i => Entry($"Name {80 - i:000}", $"+49505058071{i:00}"));
        var directory = new PhoneDirectory(many);
        Assert.Equal("Name 001", directory.Entries[0].Name);
        Assert.Equal(PhoneDirectory.MaxResults, directory.Search("name").Count);
        Assert.Empty(PhoneDirectory.Empty.Entries);
    }
}
