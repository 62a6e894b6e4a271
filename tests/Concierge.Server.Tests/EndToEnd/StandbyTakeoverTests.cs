using System.Diagnostics;
using Concierge.Simulators.Emulator;
using Concierge.Simulators.Phones.Agents;
using Concierge.Store;
using Xunit.Abstractions;

namespace Concierge.Server.Tests.EndToEnd;

/// <summary>
/// Issue 18 item 2(d): two server processes on one machine, primary and standby (<c>--mode</c>), against the PBX
/// emulator over real SIP on loopback. The standby calls the loop number through the PBX and the primary loops it
/// back; after <c>kill -9</c> of the primary the standby misses its loop-backs, takes over and registers within the
/// bound its settings give (K loop intervals, one more for the call outstanding at the kill, and a registration), and
/// answers new calls. The call completed on each process is in its database; the standby stays active (no automatic
/// switch back); SIGTERM stops it with exit code 0.
/// </summary>
public sealed class StandbyTakeoverTests(ITestOutputHelper log)
{
    private const string Pilot = "+4950505803201";
    private const string LoopNumber = "+4950505803300";
    private static readonly TimeSpan LoopInterval = TimeSpan.FromSeconds(1);
    private const int MissedBeforeTakeover = 2;
    private static readonly TimeSpan RegistrationAllowance = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static string Topology => $"""
        extends: osv-standby
        name: standby-fast
        concierge:
          standby:
            loopInterval: {LoopInterval.TotalSeconds} s
            loopCallsMissedBeforeTakeover: {MissedBeforeTakeover}
        """;

    [Fact]
    public async Task After_kill_9_of_the_primary_the_standby_registers_and_answers_within_its_bound()
    {
        using var files = new TestServerFiles();
        File.Copy(Path.Combine(TestTopology.Directory, "osv-standby.yaml"), Path.Combine(files.Directory, "osv-standby.yaml"));
        File.WriteAllText(Path.Combine(files.Directory, "standby-fast.yaml"), Topology);
        await using var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = files.Topology("standby-fast") });
        // An administrator in each database (hashed fast, test policy): production mode starts without --dev's slow hash.
        foreach (var db in new[] { "primary.db", "standby.db" })
            ConciergeStore.Open(StoreLocation.Parse("--db", Path.Combine(files.Directory, db), files.Directory)).AddAccount(
                Concierge.Store.Accounts.AccountName.Parse("account", "DEFAULT\\admin"), Concierge.Store.Accounts.AccountRole.Administrator,
                Concierge.Store.Accounts.PasswordHash.Create("a long test password", TestServerFiles.FastPasswords), DateTimeOffset.UtcNow);
        string[] Args(string mode, string db) =>
        [
            "--mode", mode, "--topology", files.Topology("standby-fast"), "--db", Path.Combine(files.Directory, db),
            "--sip-listen", "127.0.0.1:0", "--registrar", pbx.Sip.ToString(), "--csta", pbx.Csta.ToString(),
        ];
        var started = Stopwatch.GetTimestamp();
        using var primary = ServerProcess.Start(files.Directory, Args("primary", "primary.db"));
        using var standby = ServerProcess.Start(files.Directory, Args("standby", "standby.db"));
        var output = () => $"{Environment.NewLine}primary:{Environment.NewLine}{primary.Output}{Environment.NewLine}standby:{Environment.NewLine}{standby.Output}";

        await Expect(pbx.WaitUntilAsync(osv => osv.Registrar.Current(pbx.CpsEndpoint) is not null, StartBound, "the primary registers"), output);
        var primaryContact = await pbx.CpsContactAsync();
        log.WriteLine($"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms: the primary registered");
        await Expect(pbx.WaitUntilAsync(osv => osv.Switch.Calls.Any(c => c.DialedNumber == LoopNumber && c.Connected), StartBound,
            "a loop call of the standby is looped back by the primary"), output);

        await CompleteCall(pbx, "before", "+493011100001", output);
        await Expect(Until(async () => await primary.MetricAsync("concierge_call_records_stored_total") >= 1, Bound, "the primary stores its call's record"), output);

        log.WriteLine($"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms: loop-back seen, a call completed on the primary");
        var killedAt = Stopwatch.GetTimestamp();
        primary.KillHard();
        await Expect(pbx.WaitUntilAsync(osv => osv.Registrar.Current(pbx.CpsEndpoint) is { } b
            && !Concierge.Simulators.Osv.Registration.BindingContact.ContactEndPoint(b).Equals(primaryContact), Bound, "the standby registers"), output);
        var takeover = Stopwatch.GetElapsedTime(killedAt);
        var bound = LoopInterval * (MissedBeforeTakeover + 1) + RegistrationAllowance;
        log.WriteLine($"standby registered {takeover.TotalMilliseconds:0} ms after kill -9 of the primary (bound {bound.TotalMilliseconds:0} ms: {MissedBeforeTakeover} + 1 loop intervals of {LoopInterval.TotalSeconds} s and a registration)");
        Assert.True(takeover <= bound, $"the standby registered {takeover.TotalSeconds:0.00} s after the kill; its settings give {bound.TotalSeconds:0.00} s{output()}");

        var answeredAfter = Stopwatch.GetTimestamp();
        await CompleteCall(pbx, "after", "+493011100002", output);
        log.WriteLine($"a new call was answered by the standby {Stopwatch.GetElapsedTime(answeredAfter).TotalMilliseconds:0} ms after it was placed");
        await Expect(Until(async () => await standby.MetricAsync("concierge_call_records_stored_total") >= 1, Bound, "the standby stores its call's record"), output);

        // No automatic switch back: two more loop intervals later the standby is still the registered, active CPS.
        var standbyContact = await pbx.CpsContactAsync();
        await Task.Delay(LoopInterval * 2);
        Assert.Equal(standbyContact, await pbx.CpsContactAsync());
        Assert.Equal(1, await standby.MetricAsync("concierge_trunk_registered"));

        Assert.True(standby.Terminate(Bound), "the standby did not stop within 10 s of SIGTERM" + output());
        Assert.Equal(0, standby.ExitCode);
        Assert.Equal(["+493011100001"], Records(files, "primary.db"));
        Assert.Equal(["+493011100002"], Records(files, "standby.db"));
        Assert.Empty(pbx.Faults);
    }

    /// <summary>A caller calls the pilot, the CPS answers (queued: no attendant is logged on), the caller hangs up.</summary>
    private static async Task CompleteCall(PbxEmulator pbx, string name, string from, Func<string> output)
    {
        await pbx.DialAsync(name, from, Pilot);
        await Expect(pbx.WaitUntilAsync(osv => osv.Callers!.Find(name)!.State == PartyCallState.Connected, Bound, $"the CPS answers {name}"), output);
        await pbx.HangUpCallerAsync(name);
    }

    private static IReadOnlyList<string> Records(TestServerFiles files, string db)
    {
        var store = ConciergeStore.Open(StoreLocation.Parse("--db", Path.Combine(files.Directory, db), files.Directory));
        return store.CallRecords().Select(r => r.Caller).ToList();
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan bound, string what)
    {
        using var patience = new CancellationTokenSource(bound);
        while (!await condition())
        {
            if (patience.IsCancellationRequested) throw new TimeoutException($"not within {bound.TotalSeconds} s: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static async Task Expect(Task wait, Func<string> output)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(timeout.Message + output(), timeout);
        }
    }
}
