using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Legs;
using Concierge.Runtime.Randomness;
using Xunit.Abstractions;

namespace Concierge.Cps.Tests.Engine;

/// <summary>
/// The engine under a seeded random walk of everything its ports and its attendants can do, in any order: calls to
/// pilots, personal lines, request and callback numbers and unknown numbers; every attendant command; the trunk
/// answering, failing, joining or releasing any leg (also legs that do not exist or no longer matter); the PBX
/// reporting calls ended; time passing. After every step the engine's invariants hold and no exception escapes.
/// A failure names the seed and the steps, so it replays.
/// </summary>
public sealed class EngineRandomWalkTests(ITestOutputHelper output)
{
    private const int Seeds = 300;
    private const int StepsPerSeed = 400;
    private static readonly string[] Attendants = ["7580", "7581", "7582", "7583"];
    private static readonly string[] Called = ["3201", "3202", "3220", "3221", "3301", "3350", "3300", "7001", "9999"];

    [Fact]
    public void Any_order_of_inputs_keeps_the_invariants_and_never_throws()
    {
        for (ulong seed = 1; seed <= Seeds; seed++) Walk(seed);
    }

    [Fact]
    public void Once_every_party_has_hung_up_no_call_is_left_and_every_record_has_one_disposition()
    {
        for (ulong seed = 1; seed <= 100; seed++)
        {
            var (cps, _) = Walk(seed);
            foreach (var leg in cps.Engine.LiveCalls.SelectMany(c => new[] { c.CallerLeg, c.PartnerLeg }).OfType<LegId>().ToList())
                cps.Engine.OnLegReleased(leg);
            foreach (var device in Attendants) cps.Engine.OnAttendantCallEnded(CpsHarness.N(device));
            cps.Pass(TimeSpan.FromMinutes(10));
            cps.Check();

            Assert.True(cps.Engine.LiveCalls.Count == 0, $"seed {seed}: {string.Join(", ", cps.Engine.LiveCalls)} still live");
            Assert.All(cps.Engine.Records, r => Assert.NotNull(r.Disposition));
        }
    }

    private (CpsHarness Cps, List<string> Steps) Walk(ulong seed)
    {
        var random = new DeterministicRandom(seed).Split("walk");
        var cps = new CpsHarness();
        var steps = new List<string>();
        var callers = 0;
        try
        {
            for (var i = 0; i < StepsPerSeed; i++)
            {
                steps.Add(Step(cps, random, ref callers));
                cps.Check();
            }
        }
        catch (Exception e)
        {
            output.WriteLine($"seed {seed}, after {steps.Count} steps:");
            foreach (var step in steps.TakeLast(40)) output.WriteLine("  " + step);
            throw new Xunit.Sdk.XunitException($"seed {seed} step {steps.Count} ({steps[^1]}): {e.GetType().Name}: {e.Message}");
        }
        return (cps, steps);
    }

    private static string Step(CpsHarness cps, DeterministicRandom random, ref int callers)
    {
        var engine = cps.Engine;
        var device = CpsHarness.N(Attendants[random.Next(Attendants.Length)]);
        var knownLegs = cps.Legs.Dials.Select(d => d.Leg).Concat(engine.LiveCalls.Select(c => c.CallerLeg).OfType<LegId>()).ToList();
        LegId AnyLeg() => knownLegs.Count > 0 && random.Chance(0.9) ? knownLegs[random.Next(knownLegs.Count)] : new LegId(random.Next(1, 5000));
        CpsCall? AnyCall() => engine.LiveCalls.Count > 0 ? engine.LiveCalls[random.Next(engine.LiveCalls.Count)] : null;

        switch (random.Next(20))
        {
            case 0:
            case 1:
            {
                var called = Called[random.Next(Called.Length)];
                callers++;
                var type = (CallType)random.Next(Enum.GetValues<CallType>().Length);
                var leg = cps.Call(called, "+4930" + (2_000_000 + callers), type);
                return $"call {leg} to {called} ({type})";
            }
            case 2: return $"log on {device}: {engine.LogOn(device, random.Chance(0.8))}";
            case 3: return $"log off {device}: {engine.LogOff(device)}";
            case 4: return random.Chance(0.5) ? $"available {device}: {engine.BecomeAvailable(device)}" : $"unavailable {device}: {engine.BecomeUnavailable(device)}";
            case 5: return $"pick next {device}: {engine.PickNext(device)}";
            case 6: return AnyCall() is { } picked ? $"pick {picked} {device}: {engine.Pick(device, picked)}" : "pick: no call";
            case 7: return $"release {device}: {engine.Release(device)}";
            case 8:
                return random.Next(3) switch
                {
                    0 => $"park {device}: {engine.Park(device)}",
                    1 => $"hold {device}: {engine.Hold(device)}",
                    _ => $"answer {device}: {engine.Answer(device)}",
                };
            case 9: return $"transfer {device}: {engine.Transfer(device, CpsHarness.N(random.Chance(0.5) ? "7001" : "7002"))}";
            case 10: return $"page {device}: {engine.Page(device, CpsHarness.N("7003"))}";
            case 11: return AnyCall() is { } retrieved ? $"retrieve {retrieved} {device}: {engine.Retrieve(device, retrieved)}" : "retrieve: no call";
            case 12:
            {
                var leg = AnyLeg();
                engine.OnLegAnswered(leg);
                return $"answered {leg}";
            }
            case 13:
            {
                if (cps.Legs.Joins.Count == 0) return "joined: none asked";
                var (caller, target) = cps.Legs.Joins[random.Next(cps.Legs.Joins.Count)];
                engine.OnLegsJoined(caller, target);
                return $"joined {caller} {target}";
            }
            case 14:
            {
                var leg = AnyLeg();
                var status = random.Chance(0.5) ? 486 : random.Chance(0.5) ? 408 : 480;
                engine.OnLegFailed(leg, status);
                return $"failed {leg} {status}";
            }
            case 15:
            {
                var leg = AnyLeg();
                engine.OnLegReleased(leg);
                return $"released {leg}";
            }
            case 16:
            {
                var leg = AnyLeg();
                engine.OnLegRinging(leg);
                return $"ringing {leg}";
            }
            case 17:
                engine.OnAttendantCallEnded(device);
                return $"attendant call ended {device}";
            case 18:
                if (random.Chance(0.05))
                {
                    if (engine.IsActive) engine.Deactivate();
                    else engine.Activate();
                    return engine.IsActive ? "activated" : "deactivated";
                }
                if (random.Chance(0.1))
                {
                    var up = random.Chance(0.5);
                    engine.OnPbxLinkChanged(up);
                    return $"pbx link {(up ? "up" : "down")}";
                }
                return $"night variant: {engine.SetNightVariant(CpsHarness.N("3201"), random.Chance(0.5) ? null : "busy")}";
            default:
            {
                var time = random.NextDuration(TimeSpan.FromSeconds(random.Chance(0.2) ? 200 : 20));
                cps.Pass(time);
                return $"time +{time.TotalSeconds:0.###} s";
            }
        }
    }
}
