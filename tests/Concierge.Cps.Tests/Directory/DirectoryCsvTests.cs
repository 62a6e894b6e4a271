using Concierge.Config.Numbers;
using Concierge.Cps.Directory;

namespace Concierge.Cps.Tests.Directory;

public sealed class DirectoryCsvTests
{
    private static DirectoryImportResult Import(string csv) => DirectoryCsv.Import(new StringReader(csv));

    [Fact]
    public void A_good_file_is_imported_with_every_field_and_searchable_by_name_prefix_and_number()
    {
        var result = Import("""
            name,numbers,department,location,email
            "Lovelace, Ada",+4950505807001;+4915112345678,Engineering,Paderborn,ada@example.com
            Charles Babbage,+4950505807002,Engineering,,
            Grace Hopper,+4950505807003,Navy,Arlington,grace@example.org

            """);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var directory = result.Directory!;
        Assert.Equal(3, directory.Entries.Count);
        var ada = directory.Find(E164Number.Parse("+4915112345678"))!;
        Assert.Equal(("Lovelace, Ada", "Engineering", "Paderborn", "ada@example.com"), (ada.Name, ada.Department, ada.Location, ada.Email));
        Assert.Equal("Charles Babbage", directory.NameOf("4950505807002"));
        Assert.Null(directory.NameOf("+493011100001"));
        Assert.Equal(["Grace Hopper"], directory.Search("gra").Select(e => e.Name));
        Assert.Equal(["Charles Babbage"], directory.Search("Babb").Select(e => e.Name));  // a word of the name
        Assert.Equal(["Charles Babbage"], directory.Search("7002").Select(e => e.Name));  // the extension
        Assert.Equal(3, directory.Search("+49505058070").Count);                         // a number prefix
        Assert.Empty(directory.Search("  "));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_field_and_value_and_nothing_is_imported()
    {
        var result = Import("""
            name,numbers,department,location,email
            Ada,+4950505807001,,,
            ,+4950505807002,,,
            Bob,0521 1234,,,
            Cleo,+4950505807001,,,
            Dora,,,,
            Eve,+4950505807005,,,not-an-address
            """);
        Assert.False(result.Succeeded);
        Assert.Null(result.Directory);
        var problems = result.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains("line 3: name: is empty", problems);
        Assert.Contains(problems, p => p.StartsWith("line 4: numbers: \"0521 1234\"", StringComparison.Ordinal));
        Assert.Contains("line 5: numbers: \"+4950505807001\" is already the number of line 2", problems);
        Assert.Contains("line 6: numbers: is empty: an entry needs at least one number", problems);
        Assert.Contains("line 7: email: \"not-an-address\" is not an e-mail address", problems);
        Assert.Equal(5, problems.Length);
    }

    [Fact]
    public void A_bad_header_is_refused_naming_the_columns()
    {
        var unknown = Import("name,phone\nAda,+4950505807001\n");
        Assert.Contains(unknown.Problems, p => p.ToString() == "line 1: header: \"phone\" is not a column (columns: name,numbers,department,location,email)");
        Assert.Contains(unknown.Problems, p => p.ToString() == "line 1: header: has no column \"numbers\"");
        Assert.False(Import("").Succeeded);
    }
}
