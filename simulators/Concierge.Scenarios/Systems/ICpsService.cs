using Concierge.Config.Model;
using Concierge.Scenarios.Channels;
using Concierge.Cps.Calls;
using Concierge.Cps.Channels;
using Concierge.Scenarios.Settings;

namespace Concierge.Scenarios.Systems;

/// <summary>The CPS engine as scenarios drive and observe it: configuration, queues, channels, registration, failures.</summary>
public interface ICpsService
{
    /// <summary>Sets the available channels and the channel ratio.</summary>
    void ConfigureChannels(ChannelSettings settings);

    /// <summary>Sets a tenant's routing type.</summary>
    void SetRoutingType(string tenant, RoutingType routing);

    /// <summary>Overrides a tenant's times.</summary>
    void SetTenantTimes(string tenant, CallTimes times);

    /// <summary>Overrides settings of the DDI entry of <paramref name="pilot"/> (full number).</summary>
    void SetDdiSettings(string pilot, DdiSettings settings);

    /// <summary>Sets the start announcement a tenant's callers hear when the CPS answers them, before music (C 8.6).</summary>
    void SetStartAnnouncement(string tenant, string announcement) => throw new World.PendingStepException("needs announcements in this CPS");

    /// <summary>Sets the personal greeting played to caller and attendant before a pushed call is connected (C 4.2.1).</summary>
    void SetPersonalGreeting(string device, string announcement) => throw new World.PendingStepException("needs personal greetings in this CPS");

    /// <summary>Activates the night variant <paramref name="variant"/> for <paramref name="pilot"/>.</summary>
    void ActivateNightVariant(string variant, string pilot);

    /// <summary>Sets the interval at which the CPS re-registers at the registrar.</summary>
    void SetRegisterInterval(TimeSpan interval);

    /// <summary>The CPS is not running when the scenario starts.</summary>
    void TakeDown();

    /// <summary>The CPS process crashes.</summary>
    void Fail();

    /// <summary>The CPS process starts again.</summary>
    void Restart();

    /// <summary>The calls queued at <paramref name="pilot"/>, in queue order.</summary>
    IReadOnlyList<CallRef> CallerQueue(string pilot);

    /// <summary>The processing-queue state of <paramref name="call"/>, or null when it is not in the processing queue.</summary>
    ProcessingState? ProcessingStateOf(CallRef call);

    /// <summary>True when the call ever reached the CPS.</summary>
    bool Handled(CallRef call);

    /// <summary>Processing channels in use now.</summary>
    int ProcessingChannelsInUse { get; }

    /// <summary>The split of channels the CPS runs with.</summary>
    ChannelSplit Channels { get; }

    /// <summary>True when the CPS is registered at the registrar on <paramref name="pbxHost"/>.</summary>
    bool IsRegisteredAt(string pbxHost);

    /// <summary>How the CPS typed the caller's latest call and, for an intercept call, whom it was meant for; null before it reached the CPS.</summary>
    CallTypeView? TypeOf(CallRef call) => throw new World.PendingStepException("needs call types from this CPS");

    /// <summary>What the running CPS reports it cannot do (e.g. "busy lamps" without a CSTA link).</summary>
    IReadOnlyList<string> FeaturesUnavailable => throw new World.PendingStepException("needs feature reports from this CPS");

    /// <summary>The callback number a paged call is parked on, or null.</summary>
    string? CallbackNumberOf(CallRef call);
}
