using System.Net;
using Concierge.Config.Topology;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Sockets;
using Concierge.Simulators.Os4000;
using Concierge.Simulators.Oscc;
using Concierge.Simulators.Osv;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Simulators.Emulator;

/// <summary>
/// The simulated OpenScape Voice of a topology on real sockets and the system clock: its SIP registrar and phones'
/// side, its CSTA interface, its public trunk (any SIP UAC calling there is a caller from the public network), its
/// hunt groups and simulated phones, on one address. A real SIP phone may register for any extension instead of the
/// simulated one. Everything runs on the emulator's own event loop thread; tests and tools reach the switch through
/// <see cref="InvokeAsync{T}"/> and the helpers built on it.
/// </summary>
/// <example><code>
/// await using var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = "osv-example" });
/// // the server: --registrar {pbx.Sip} --csta {pbx.Csta}; a SIPp UAC: sipp -sn uac {pbx.PublicTrunk} -s 4950505803201
/// await pbx.DialAsync("caller 1", "+493011100001", "+4950505803201");
/// await pbx.WaitUntilAsync(osv => osv.Phone("7580")!.IsRinging, TimeSpan.FromSeconds(5), "7580 rings");
/// </code></example>
public sealed class PbxEmulator : IAsyncDisposable
{
    private readonly RealEventLoop _loop;
    private readonly List<Exception> _faults;
    private readonly OsvSimulator _osv;
    private int _stopped;

    private PbxEmulator(RealEventLoop loop, OsvSimulator osv, string topology, string cpsEndpoint, string? cpsRegisterId, List<Exception> faults)
    {
        _loop = loop;
        _faults = faults;
        _osv = osv;
        Topology = topology;
        CpsEndpoint = cpsEndpoint;
        CpsRegisterId = cpsRegisterId;
        Sip = osv.SipEndPoint;
        Csta = osv.CstaEndPoint;
        PublicTrunk = osv.PublicTrunkEndPoint ?? throw new InvalidOperationException("the topology has no public network (publicNetwork: with a gateway endpoint)");
        Phones = osv.Phones.Values.Select(p => new EmulatedPhone(p.Number, p.Alias, p.LocalEndPoint)).ToList();
    }

    /// <summary>
    /// Starts the OSV of <paramref name="options"/>' topology: loads and checks it, binds every socket and starts the
    /// endpoint keep-alive. A bad topology is an <see cref="ArgumentException"/>; a port in use a
    /// <see cref="Concierge.Runtime.Transports.TransportException"/>.
    /// </summary>
    public static async Task<PbxEmulator> StartAsync(PbxEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = TopologyFiles.Load(options.Topology, options.WorkingDirectory ?? Environment.CurrentDirectory);
        if (document.Section("osv") is null && document.Section("os4000") is null)
            throw new ArgumentException($"topology \"{options.Topology}\" has no osv: or os4000: section (the emulator runs OpenScape Voice and OpenScape 4000 topologies)", nameof(options));
        var faults = new List<Exception>();
        var loop = new RealEventLoop("pbx-emulator", ex => { lock (faults) faults.Add(ex); });
        try
        {
            var trace = options.Trace ?? (options.TraceWriter is { } writer ? new WriterTrace(writer, loop.Time) : null);
            var osv = await loop.InvokeAsync(() => Build(document, options, loop, trace)).ConfigureAwait(false);
            // OSCC takes over the hunt groups of its queues on the same switch and routes their calls to its agents.
            var oscc = document.Section("oscc") is null ? null
                : await loop.InvokeAsync(() => OsccSimulator.Create(document, osv.Switch, loop, trace)).ConfigureAwait(false);
            var registerId = document.Concierge?.Cps.RegisterId;
            var cps = osv.Config.Endpoints.Values.FirstOrDefault(e => e.Dynamic && registerId is not null && e.Aliases.Contains(registerId, StringComparer.Ordinal))?.Name
                      ?? osv.Config.Endpoints.Values.FirstOrDefault(e => e.Dynamic)?.Name ?? "";
            return new PbxEmulator(loop, osv, document.Name, cps, registerId, faults)
            {
                PbxName = document.Section("os4000") is not null ? "OpenScape 4000" : "OpenScape Voice",
                FirstPilot = document.Concierge?.DdiEntries.FirstOrDefault()?.Pilot.Digits,
                Oscc = oscc,
            };
        }
        catch
        {
            loop.Dispose();
            throw;
        }
    }

    private static OsvSimulator Build(TopologyDocument document, PbxEmulatorOptions options, RealEventLoop loop, Concierge.Runtime.Tracing.ITrace? trace)
    {
        var isOs4000 = document.Section("os4000") is not null;
        var sipPort = options.SipPort ?? (isOs4000
            ? Os4000Switching.CoreConfig(Concierge.Simulators.Os4000.Configuration.Os4000ConfigReader.Require(document)).SipPort
            : Concierge.Simulators.Osv.Configuration.OsvConfigReader.Require(document).SipPort);
        var placement = new OsvSocketPlacement(loop, new SocketNetworkStack(loop, options.Listen))
        {
            SipPort = sipPort,
            CstaPort = options.CstaPort,
            TrunkPort = options.TrunkPort >= 0 ? options.TrunkPort : sipPort == 0 ? 0 : sipPort + 10,
        };
        // An OpenScape 4000 runs on the same switching core with its LCR, STMI trunk and registrar plugged in.
        var osv = isOs4000
            ? Os4000Simulator.CreateOnSockets(document, placement, new SimulatedMediaPlane(), new DeterministicRandom(options.Seed), trace).Core
            : OsvSimulator.CreateOnSockets(document, placement, new SimulatedMediaPlane(), new DeterministicRandom(options.Seed), trace);
        osv.Switch.StartKeepAlive(); // calls of a CPS that stops answering are cleared, as on the simulated network
        return osv;
    }

    /// <summary>Which PBX the topology's switch is: "OpenScape Voice" or "OpenScape 4000".</summary>
    public string PbxName { get; private init; } = "OpenScape Voice";

    /// <summary>The first pilot number of the topology's configuration (digits, without '+'), or null.</summary>
    public string? FirstPilot { get; private init; }

    /// <summary>The topology's OpenScape Contact Center, on the emulator's loop (reach it through <see cref="InvokeOsccAsync{T}"/>), or null.</summary>
    private OsccSimulator? Oscc { get; init; }

    /// <summary>True when the topology has an OSCC routing its queues' calls to agents.</summary>
    public bool HasOscc => Oscc is not null;

    /// <summary>Runs <paramref name="work"/> with the OSCC on the loop thread (e.g. an agent logs on); the topology must have one.</summary>
    public Task<T> InvokeOsccAsync<T>(Func<OsccSimulator, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var oscc = Oscc ?? throw new InvalidOperationException($"topology {Topology} has no OSCC");
        return _loop.InvokeAsync(() => work(oscc));
    }

    /// <summary>The topology's name.</summary>
    public string Topology { get; }

    /// <summary>Where the switch takes SIP (UDP): the CPS registers here, phones call and register here.</summary>
    public IPEndPoint Sip { get; }

    /// <summary>Where the switch takes CSTA connections (TCP).</summary>
    public IPEndPoint Csta { get; }

    /// <summary>The public trunk (UDP): any SIP UAC calling here is a caller from the public network.</summary>
    public IPEndPoint PublicTrunk { get; }

    /// <summary>The CPS's trunk endpoint on the switch (e.g. CPS001).</summary>
    public string CpsEndpoint { get; }

    /// <summary>The Register Id the CPS registers with (e.g. CPS1), from the topology's concierge section.</summary>
    public string? CpsRegisterId { get; }

    /// <summary>The simulated phones and where each listens.</summary>
    public IReadOnlyList<EmulatedPhone> Phones { get; }

    /// <summary>Exceptions thrown by work on the emulator's loop so far (none is expected).</summary>
    public IReadOnlyList<Exception> Faults
    {
        get { lock (_faults) return _faults.ToList(); }
    }

    /// <summary>Runs <paramref name="work"/> with the switch on the emulator's loop thread.</summary>
    public Task<T> InvokeAsync<T>(Func<OsvSimulator, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _loop.InvokeAsync(() => work(_osv));
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checked on the loop every 10 ms of the system clock; a
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="bound"/>.
    /// </summary>
    public Task WaitUntilAsync(Func<OsvSimulator, bool> condition, TimeSpan bound, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop.Post(() =>
        {
            ITimer? poll = null;
            ITimer? limit = null;
            void Check()
            {
                try
                {
                    if (!condition(_osv)) return;
                }
                catch (Exception ex)
                {
                    done.TrySetException(ex);
                }
                done.TrySetResult();
                poll?.Dispose();
                limit?.Dispose();
            }
            Check();
            if (done.Task.IsCompleted) return;
            poll = _loop.ScheduleEvery(TimeSpan.FromMilliseconds(10), Check);
            limit = _loop.ScheduleAfter(bound, () =>
            {
                poll.Dispose();
                done.TrySetException(new TimeoutException($"PBX emulator: not within {bound.TotalSeconds:0.###} s: {what}"));
            });
        });
        return done.Task;
    }

    /// <summary>True while the CPS's endpoint is registered at the switch.</summary>
    public Task<bool> IsCpsRegisteredAsync() => InvokeAsync(osv => osv.IsRegistered(CpsEndpoint));

    /// <summary>Where the CPS's registration points (its Contact), or null while it is not registered.</summary>
    public Task<IPEndPoint?> CpsContactAsync() =>
        InvokeAsync(osv => osv.Registrar.Current(CpsEndpoint) is { } binding ? Concierge.Simulators.Osv.Registration.BindingContact.ContactEndPoint(binding) : null);

    /// <summary>A simulated caller of the public network named <paramref name="caller"/> dials <paramref name="to"/> from <paramref name="from"/>.</summary>
    public Task DialAsync(string caller, string from, string to) => InvokeAsync(osv => RequireCallers(osv).Dial(caller, from, to));

    /// <summary>The state of the simulated caller's call, or null when it placed none.</summary>
    public Task<PartyCallState?> CallerStateAsync(string caller) => InvokeAsync(osv => RequireCallers(osv).Find(caller)?.State);

    /// <summary>The simulated caller hangs up (or cancels); false when it has no call.</summary>
    public Task<bool> HangUpCallerAsync(string caller) => InvokeAsync(osv =>
    {
        if (RequireCallers(osv).Find(caller) is not { IsActive: true } call) return false;
        call.Hangup();
        return true;
    });

    /// <summary>The state of a simulated phone (by number or alias).</summary>
    public Task<EmulatedPhoneState> PhoneStateAsync(string phone) => InvokeAsync(osv =>
    {
        var p = RequirePhone(osv, phone);
        return new EmulatedPhoneState(p.IsRinging, p.IsConnected, p.Current?.RemoteNumber, p.IncomingCallCount);
    });

    /// <summary>The simulated phone answers its ringing call; false when none rings.</summary>
    public Task<bool> AnswerAsync(string phone) => InvokeAsync(osv => RequirePhone(osv, phone).Answer());

    /// <summary>The simulated phone hangs up its call in focus; false when it has none.</summary>
    public Task<bool> HangUpAsync(string phone) => InvokeAsync(osv => RequirePhone(osv, phone).Hangup());

    /// <summary>The simulated phone dials <paramref name="number"/> through the switch.</summary>
    public Task DialFromPhoneAsync(string phone, string number) => InvokeAsync(osv => RequirePhone(osv, phone).Dial(number));

    private static CallerAgent RequireCallers(OsvSimulator osv) =>
        osv.Callers ?? throw new InvalidOperationException("the topology has no public network callers");

    private static SimulatedPhone RequirePhone(OsvSimulator osv, string phone) =>
        osv.Phone(phone) ?? throw new ArgumentException($"{phone} is not a phone of the emulated PBX", nameof(phone));

    /// <summary>Stops: every socket is closed on the loop, then the loop thread ends.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        try
        {
            await _loop.InvokeAsync(() =>
            {
                Oscc?.Dispose();
                _osv.Dispose();
                return true;
            }).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            _loop.Dispose();
        }
    }
}

/// <summary>A simulated phone of the emulator: its number, alias and SIP address.</summary>
public sealed record EmulatedPhone(string Number, string Alias, IPEndPoint Sip);

/// <summary>What a simulated phone is doing.</summary>
public sealed record EmulatedPhoneState(bool Ringing, bool Connected, string? RemoteNumber, int IncomingCalls);
