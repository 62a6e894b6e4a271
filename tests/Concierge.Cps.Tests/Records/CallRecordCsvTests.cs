using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Records;

namespace Concierge.Cps.Tests.RecordTests;

public sealed class CallRecordCsvTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Writes_a_header_and_one_row_per_record_quoting_what_needs_it()
    {
        var answered = CallRecord.Restore(7, "+493011100001", E164Number.Parse("+4950505803209"), T0, CallType.Intercept, "DEFAULT",
            T0.AddSeconds(12.5), "+4950505807580", T0.AddSeconds(60), CallDisposition.Answered, E164Number.Parse("+4950505807001"));
        var live = CallRecord.Restore(8, "Smith, \"Bob\"", E164Number.Parse("+4950505803201"), T0, CallType.Standard, "DEFAULT", null, null, null, null);
        var text = new StringWriter();

        CallRecordCsv.Write(text, [answered, live]);

        var lines = text.ToString().Split("\r\n");
        Assert.Equal(CallRecordCsv.Header, lines[0]);
        Assert.Equal("7,DEFAULT,intercept,+493011100001,+4950505803209,+4950505807001,2026-12-02T08:00:00.000+00:00,2026-12-02T08:00:12.500+00:00,+4950505807580,2026-12-02T08:01:00.000+00:00,answered,12.5", lines[1]);
        Assert.Equal("8,DEFAULT,standard,\"Smith, \"\"Bob\"\"\",+4950505803201,,2026-12-02T08:00:00.000+00:00,,,,,", lines[2]);
        Assert.Equal("", lines[3]);
    }
}
