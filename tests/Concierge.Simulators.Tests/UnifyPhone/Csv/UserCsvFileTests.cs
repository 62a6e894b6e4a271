using System.Text;
using Concierge.Simulators.UnifyPhone.Csv;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Simulators.Tests.UnifyPhone.Csv;

public class UserCsvFileTests
{
    private static (string? Problem, IReadOnlyList<CsvUserRow> Rows, IReadOnlyList<CsvRowVerdict> Refused) Read(string text) =>
        UserCsvFile.Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_howto_file_is_read_with_excels_bom_and_trailing_empty_row()
    {
        var (problem, rows, refused) = Read("\uFEFFemailAddress,firstName,lastName,locale\r\nalbert.admin@aptg.info,Albert,Admin,de-DE\r\nmaria.may@aptg.info,Maria,May,en-US\r\n,,,\r\n");
        Assert.Null(problem);
        Assert.Empty(refused);
        Assert.Equal([new CsvUserRow(2, "albert.admin@aptg.info", "Albert", "Admin", "de-DE"), new CsvUserRow(3, "maria.may@aptg.info", "Maria", "May", "en-US")], rows);
    }

    [Theory]
    [InlineData("EmailAddress,FirstName,LastName,Locale\n", "line 1: the header must be in camel case: emailAddress,firstName,lastName,locale (found EmailAddress,FirstName,LastName,Locale)")]
    [InlineData("emailaddress,firstname,lastname,locale\n", "line 1: the header must be in camel case: emailAddress,firstName,lastName,locale (found emailaddress,firstname,lastname,locale)")]
    [InlineData("emailAddress;firstName;lastName;locale\n", "line 1: the header must be emailAddress,firstName,lastName,locale (found emailAddress;firstName;lastName;locale)")]
    [InlineData("emailAddress,firstName,lastName\n", "line 1: the header must be emailAddress,firstName,lastName,locale (found emailAddress,firstName,lastName)")]
    [InlineData("", "the file is empty: line 1 must be the header emailAddress,firstName,lastName,locale")]
    public void A_bad_header_refuses_the_file(string text, string expected)
    {
        var (problem, rows, _) = Read(text + "a@b.de,A,B,de-DE\n");
        Assert.Equal(expected, text.Length == 0 ? Read("").Problem : problem);
        Assert.Empty(rows);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_naming_the_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("emailAddress,firstName,lastName,locale\nj@x.de,J,M").Concat(new byte[] { 0xFC, 0x6C, (byte)',', (byte)'d', (byte)'e' }).ToArray();
        Assert.Equal("the file is not UTF-8 (byte 49): save it as CSV UTF-8 (Comma delimited)", UserCsvFile.Read(bytes).FileProblem);
    }

    [Fact]
    public void Each_bad_row_is_refused_with_its_line_and_reason()
    {
        var (problem, rows, refused) = Read(
            "emailAddress,firstName,lastName,locale\n" +
            "ok@example.com,Ok,Fine,de-DE\n" +
            "no-at-sign,A,B,de-DE\n" +
            "x@example.com,,B,de-DE\n" +
            "y@example.com,A,B\n" +
            "z@example.com,A,B,deutsch\n" +
            "\n" +
            "\"quoted, name\"@example.com,A,B,de\n" +
            "w@example.com,\"Anna, Maria\",\"Open\n");
        Assert.Null(problem);
        Assert.Equal([2], rows.Select(r => r.Line));
        Assert.Equal(
        [
            "line 3: emailAddress 'no-at-sign' is not an e-mail address",
            "line 4: firstName is empty",
            "line 5: has 3 fields, expected 4 (emailAddress,firstName,lastName,locale)",
            "line 6: locale 'deutsch' is not a language tag such as de-DE",
            "line 8: text follows a closing quote",
            "line 9: a quoted field is not closed",
        ], refused.Select(r => r.Reason));
    }

    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks_and_lines_are_counted_from_the_record_start()
    {
        var (problem, rows, refused) = Read("emailAddress,firstName,lastName,locale\r\na@example.com,\"Anna \"\"Nan\"\"\",\"Alt,\r\nNeu\",de-DE\r\nb@example.com,Bert,Bau,en\r\n");
        Assert.Null(problem);
        Assert.Empty(refused);
        Assert.Equal([new CsvUserRow(2, "a@example.com", "Anna \"Nan\"", "Alt,\r\nNeu", "de-DE"), new CsvUserRow(4, "b@example.com", "Bert", "Bau", "en")], rows);
    }

    [Fact]
    public void Written_files_read_back_to_the_same_rows()
    {
        var field = Gen.Elements("Anna", "O'Neil", "Müller, Hans", "say \"hi\"", "two\nlines", "Łukasz", "x").ToArbitrary();
        Prop.ForAll(field, field, (first, last) =>
        {
            var bytes = UserCsvFile.Write(UserCsvFile.Header, [["a@example.com", first, last, "de-DE"]]);
            var (problem, rows, refused) = UserCsvFile.Read(bytes);
            return (problem is null && refused.Count == 0 && rows.Single() is var row && row.FirstName == first.Trim() && row.LastName == last.Trim()).Label($"{first} / {last}");
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void The_record_reader_never_throws_and_stays_bounded_on_arbitrary_text()
    {
        Prop.ForAll(Gen.ArrayOf(Gen.Elements('a', ',', '"', '\r', '\n', ' ', '@', 'é')).Select(c => new string(c)).ToArbitrary(), text =>
        {
            var records = CsvRecordReader.Read(text);
            return (records.Count <= CsvRecordReader.MaxRecords + 1 && records.All(r => r.Fields.All(f => f.Length <= CsvRecordReader.MaxFieldChars))).Label(text);
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
