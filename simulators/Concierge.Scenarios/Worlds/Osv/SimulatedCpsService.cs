using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Engine;
using Concierge.Scenarios.Settings;
using Concierge.Scenarios.Systems;
using Concierge.Cps.Calls;
using Concierge.Cps.Channels;
using Concierge.Scenarios.Channels;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>The CPS as scenarios configure, break and observe it; configuration changes go to every CPS node.</summary>
internal sealed class SimulatedCpsService(OsvWorld world) : ICpsService
{
    public void ConfigureChannels(ChannelSettings settings) =>
        world.ChangeConfig(c => c with { Cps = c.Cps with { Channels = settings.Channels, ChannelRatio = settings.Ratio } });

    public void SetRoutingType(string tenant, RoutingType routing) =>
        world.ChangeConfig(c => c with
        {
            Tenants = c.Tenants.Select(t => t.Name == tenant
                ? t with { RoutingType = routing }
                : t).ToValueList(),
        });

    public void SetTenantTimes(string tenant, CallTimes times) =>
        world.ChangeConfig(c => c with
        {
            Tenants = c.Tenants.Select(t => t.Name == tenant ? t with { Times = Apply(t.Times, times) } : t).ToValueList(),
        });

    public void SetDdiSettings(string pilot, DdiSettings settings)
    {
        var number = E164Number.Parse(pilot);
        world.ChangeConfig(c => c with
        {
            DdiEntries = c.DdiEntries.Select(e => e.Pilot != number ? e : e with
            {
                Times = new TimeOverrides(
                    settings.Times.MaxTransferTime ?? e.Times.MaxTransferTime,
                    settings.Times.MaxTimeInIncomingQueue ?? e.Times.MaxTimeInIncomingQueue,
                    settings.Times.RnaTimeout ?? e.Times.RnaTimeout,
                    settings.Times.RingTime ?? e.Times.RingTime),
                TimeOverflowVariant = settings.TimeOverflowVariant ?? e.TimeOverflowVariant,
                Overload = settings.Overload is { } mode
                    ? new OverloadSettings(mode == OverloadMode.Forward ? OverloadAction.Forward : OverloadAction.Busy,
                        settings.OverloadDestination is { } d ? E164Number.Parse(world.Resolve(d)) : null)
                    : e.Overload,
                Priority = settings.Priority ?? e.Priority,
                Purpose = settings.Purpose ?? e.Purpose,
            }).ToValueList(),
        });
    }

    public void SetStartAnnouncement(string tenant, string announcement) =>
        ChangeValidated(c => c with
        {
            Tenants = c.Tenants.Select(t => t.Name == tenant ? t with { Announcements = t.Announcements with { StartAnnouncement = announcement } } : t).ToValueList(),
        }, c => c.FindTenant(tenant) is null ? $"no tenant \"{tenant}\"" : null);

    public void SetPersonalGreeting(string device, string announcement)
    {
        var number = E164Number.Parse(device);
        ChangeValidated(c => c with
        {
            Attendants = c.Attendants.Select(a => a.Device == number ? a with { Greeting = announcement } : a).ToValueList(),
        }, c => c.FindAttendant(number) is null ? $"{device} is not an attendant device" : null);
    }

    /// <summary>Applies a change only when the result passes the same validation as a loaded configuration.</summary>
    private void ChangeValidated(Func<ConciergeConfig, ConciergeConfig> change, Func<ConciergeConfig, string?> precondition)
    {
        if (precondition(world.Config) is { } why) throw new InvalidOperationException(why);
        var changed = change(world.Config);
        var report = Config.Validation.ConfigValidator.Validate(changed);
        if (!report.IsValid) throw new InvalidOperationException("the configuration change is invalid: " + string.Join("; ", report.Errors));
        world.ChangeConfig(_ => changed);
    }

    public void ActivateNightVariant(string variant, string pilot)
    {
        var result = world.ActiveEngine.SetNightVariant(E164Number.Parse(pilot), variant);
        if (!result.Succeeded) throw new InvalidOperationException(result.Error);
    }

    public void SetRegisterInterval(TimeSpan interval) =>
        world.ChangeConfig(c => c with { Cps = c.Cps with { RegisterInterval = interval } });

    public void TakeDown() => world.TakeDownPrimary();

    public void Fail() => world.Primary.Crash();

    public void Restart() => world.RestartPrimary();

    /// <summary>
    /// The callers waiting at <paramref name="pilot"/> as they experience it: in the CPS's queue and either still in
    /// the ring time or already hearing the CPS (its answer has reached them).
    /// </summary>
    public IReadOnlyList<CallRef> CallerQueue(string pilot) =>
        QueueAt(E164Number.Parse(pilot))?.Calls
            .Select(c => (Call: c, Ref: world.CallRefOf(c.Caller)))
            .Where(x => x.Ref is { } r && (!x.Call.CallerAnswered || world.CallerIsConnected(r)))
            .Select(x => x.Ref!.Value).ToList() ?? [];

    private Cps.Queues.CallQueue? QueueAt(E164Number number) =>
        world.ActiveEngineOrNull is { } engine
            ? engine.CallerQueue(number) ?? engine.Attendants.FirstOrDefault(a => a.Place.PersonalLine == number)?.PersonalQueue
            : null;

    /// <summary>
    /// The processing-queue state of a caller's call as the caller experiences it: on the CPS, and hearing the CPS
    /// (the PBX has moved the caller's media from the attendant to the CPS).
    /// </summary>
    public ProcessingState? ProcessingStateOf(CallRef call)
    {
        if (!world.CallerHearsTheCps(call)) return null;
        var live = world.LiveCallOf(call);
        return live?.Processing;
    }

    public bool Handled(CallRef call) => world.RecordsOf(call).Any();

    public int ProcessingChannelsInUse => world.ActiveEngineOrNull?.Channels.ProcessingInUse ?? 0;

    public ChannelSplit Channels => world.ActiveEngineOrNull?.Channels.Split ?? ChannelSplit.For(world.Config.Cps.Channels, world.Config.Cps.ChannelRatio);

    public bool IsRegisteredAt(string pbxHost) =>
        pbxHost == world.PbxHost && world.Nodes.Any(n => n.IsRunning && n.Registration?.IsRegistered == true) && world.Osv.IsRegistered(world.CpsEndpoint);

    public IReadOnlyList<string> FeaturesUnavailable => world.ActiveEngineOrNull?.FeaturesUnavailable ?? [];

    public CallTypeView? TypeOf(CallRef call) =>
        world.RecordsOf(call).LastOrDefault() is { } record ? new CallTypeView(record.Type, record.MeantFor?.ToString()) : null;

    public string? CallbackNumberOf(CallRef call) => world.LiveCallOf(call)?.CallbackNumber?.ToString();

    private static TenantTimes Apply(TenantTimes times, CallTimes change) => new(
        change.MaxTransferTime ?? times.MaxTransferTime,
        change.MaxTimeInIncomingQueue ?? times.MaxTimeInIncomingQueue,
        change.RnaTimeout ?? times.RnaTimeout,
        change.RingTime ?? times.RingTime);
}
