using Concierge.Server.Oscc;

namespace Concierge.Server.Tests.Oscc;

public sealed class OsccAgentExportTests
{
    private static IReadOnlyList<OsccAgent> Read(string csv) => OsccAgentExport.Read(new StringReader(csv), "users.csv");

    [Fact]
    public void An_export_lists_business_units_and_users()
    {
        var agents = Read("businessUnit,user,firstName,lastName\nSwitchboard,anna.s,Anna,Schmidt\n\nSales,carl,,\n");
        Assert.Equal([new OsccAgent("Switchboard", "anna.s", "Anna", "Schmidt"), new OsccAgent("Sales", "carl", "", "")], agents);
    }

    [Theory]
    [InlineData("user,businessUnit\nx,y\n", "line 1: header \"user,businessUnit\" must be businessUnit,user,firstName,lastName")]
    [InlineData("businessUnit,user,firstName,lastName\n,anna,,\n", "line 2: businessUnit is empty")]
    [InlineData("businessUnit,user,firstName,lastName\nSales,anna s,,\n", "line 2: user \"anna s\" has characters other than")]
    [InlineData("businessUnit,user,firstName,lastName\nSales,anna,,\nSales,ANNA,,\n", "line 3: user \"ANNA\" is listed already on line 2")]
    public void A_bad_export_is_refused_naming_line_field_and_value(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Read(csv));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("users.csv: ", error.Message, StringComparison.Ordinal);
    }
}
