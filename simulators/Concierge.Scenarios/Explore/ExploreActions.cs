using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Explore;

/// <summary>
/// The explorer's repertoire: one random action at a time through the world's system interfaces (callers, attendant
/// desk, phones, CSTA link, standby pair), each logged with its result. A refusal (InvalidOperationException from the
/// system) is a normal answer and is counted, not failed.
/// </summary>
public sealed class ExploreActions
{
    private readonly ScenarioWorld _world;
    private readonly DeterministicRandom _random;
    private readonly ExploreTargets _targets;
    private readonly ActionLog _log;
    private readonly ICallers _callers;
    private readonly IAttendantDesk _desk;
    private readonly IPhones? _phones;
    private readonly ICpsService? _cps;
    private readonly ICstaLink? _csta;
    private readonly IServerRedundancy? _redundancy;
    private readonly IContactCenter? _contactCenter;
    private readonly List<CallRef> _calls = [];
    private readonly List<(int Weight, Action Act)> _repertoire = [];
    private readonly int _totalWeight;
    private bool _cstaFailed;
    private bool _mainFailed;

    /// <summary>Creates the repertoire for <paramref name="system"/>; random choices come from <paramref name="random"/> only.</summary>
    public ExploreActions(ScenarioWorld world, IScenarioSystem system, DeterministicRandom random, ExploreTargets targets, ActionLog log)
    {
        _world = world;
        _random = random;
        _targets = targets;
        _log = log;
        _callers = system.Callers ?? throw new InvalidOperationException("the topology has no callers to explore with");
        _desk = system.Attendants ?? throw new InvalidOperationException("the topology has no attendant desk to explore with");
        _phones = system.Phones;
        _cps = system.Cps;
        _csta = system.Csta;
        _redundancy = system.Redundancy;
        _contactCenter = system as IContactCenter;
        Add(12, Dial);
        Add(3, HangUpCaller);
        Add(2, LogOnOrOff);
        Add(2, SetAvailable);
        Add(4, PickNext);
        Add(1, PickQueued);
        Add(4, Release);
        Add(2, Park);
        Add(2, Hold);
        Add(2, Retrieve);
        Add(2, Transfer);
        Add(1, Page);
        Add(2, AttendantAnswer);
        if (_phones is not null && targets.Offices.Count > 0) Add(5, PhoneAction);
        if (_csta is not null) Add(1, CstaLinkFault);
        if (_redundancy is not null) Add(1, ServerFault);
        if (_contactCenter is not null) Add(1, ContactCenterFault);
        _totalWeight = _repertoire.Sum(r => r.Weight);
        if (_desk.LoggedOnDevices.Count == 0)
            foreach (var device in targets.Attendants.Take(2)) Do($"attendant {device} logs on available", () => _desk.LogOn(device, available: true));
    }

    /// <summary>Every call the callers placed.</summary>
    public IReadOnlyList<CallRef> Calls => _calls;

    /// <summary>Takes one random action.</summary>
    public void Step()
    {
        var roll = _random.Next(_totalWeight);
        foreach (var (weight, act) in _repertoire)
        {
            if (roll < weight)
            {
                act();
                return;
            }
            roll -= weight;
        }
    }

    /// <summary>Ends the faults the explorer caused and hangs up every caller still in a call.</summary>
    public void WindDown()
    {
        if (_cstaFailed) RestoreCsta();
        if (_contactCenter is { IsUp: false } center) Do("the contact center is restored (end)", center.Restore);
        foreach (var call in _calls)
        {
            if (_callers.Observe(call).Disposition is null) Do($"{call.Id} hangs up (end)", () => _callers.HangUp(call));
        }
    }

    private void Add(int weight, Action act) => _repertoire.Add((weight, act));

    private void Dial()
    {
        var n = _calls.Count;
        var name = "explore " + n.ToString(CultureInfo.InvariantCulture);
        var from = "+4930" + (2_000_000 + n).ToString(CultureInfo.InvariantCulture);
        var roll = _random.Next(100);
        var dialled = roll switch
        {
            < 55 => Pick(_targets.Pilots),
            < 72 => Pick(_targets.PersonalLines),
            < 90 => Pick(_targets.Offices),
            _ => Pick(_targets.Unknown),
        } ?? Pick(_targets.Pilots);
        if (dialled is null) return;
        CallRef? call = null;
        Do($"{name} dials {dialled} from {from}", () => call = _callers.Dial(name, from, dialled));
        if (call is not { } placed) return;
        _calls.Add(placed);
        if (_random.Chance(0.7))
        {
            var patience = TimeSpan.FromSeconds(3) + _random.NextDuration(TimeSpan.FromMinutes(4));
            _world.Loop.ScheduleAfter(patience, () =>
            {
                if (_callers.Observe(placed).Disposition is null) Do($"{placed.Id} hangs up", () => _callers.HangUp(placed));
            });
        }
    }

    private void HangUpCaller()
    {
        var live = _calls.Where(c => _callers.Observe(c).Disposition is null).ToArray();
        if (live.Length == 0) return;
        var call = live[_random.Next(live.Length)];
        Do($"{call.Id} hangs up", () => _callers.HangUp(call));
    }

    private void LogOnOrOff()
    {
        var device = Pick(_targets.Attendants);
        if (device is null) return;
        if (_desk.Observe(device).LoggedOn && _desk.LoggedOnDevices.Count > 1) Do($"attendant {device} logs off", () => _desk.LogOff(device));
        else
        {
            var available = _random.Chance(0.7);
            Do($"attendant {device} logs on {(available ? "available" : "unavailable")}", () => _desk.LogOn(device, available));
        }
    }

    private void SetAvailable()
    {
        if (LoggedOn() is not { } device) return;
        var available = _random.Chance(0.7);
        Do($"attendant {device} becomes {(available ? "available" : "unavailable")}", () => _desk.SetAvailable(device, available));
    }

    private void PickNext()
    {
        if (LoggedOn() is { } device) Do($"attendant {device} picks the next call", () => _desk.PickNext(device));
    }

    private void PickQueued()
    {
        if (LoggedOn() is not { } device || _cps is null) return;
        var queued = _targets.Pilots.SelectMany(p => _cps.CallerQueue(p)).ToArray();
        if (queued.Length == 0) return;
        var call = queued[_random.Next(queued.Length)];
        Do($"attendant {device} picks {call.Id}", () => _desk.Pick(device, call));
    }

    private void Release()
    {
        if (LoggedOn() is { } device) Do($"attendant {device} releases", () => _desk.Release(device));
    }

    private void Park()
    {
        if (LoggedOn() is { } device) Do($"attendant {device} parks", () => _desk.Park(device));
    }

    private void Hold()
    {
        if (LoggedOn() is { } device) Do($"attendant {device} holds", () => _desk.Hold(device));
    }

    private void Retrieve()
    {
        if (LoggedOn() is not { } device || _cps is null) return;
        var waiting = _calls.Where(c => _cps.ProcessingStateOf(c) is not null).ToArray();
        if (waiting.Length == 0) return;
        var call = waiting[_random.Next(waiting.Length)];
        Do($"attendant {device} retrieves {call.Id} ({_cps.ProcessingStateOf(call)})", () => _desk.Retrieve(device, call));
    }

    private void Transfer()
    {
        if (LoggedOn() is not { } device || Pick(_targets.Offices) is not { } target) return;
        Do($"attendant {device} transfers to {target}", () => _desk.Transfer(device, target));
    }

    private void Page()
    {
        if (LoggedOn() is not { } device || Pick(_targets.Offices) is not { } target) return;
        Do($"attendant {device} pages {target}", () => _desk.Page(device, target));
    }

    private void AttendantAnswer()
    {
        if (LoggedOn() is { } device) Do($"attendant {device} answers at the phone", () => _desk.Answer(device));
    }

    private void PhoneAction()
    {
        var phones = _phones!;
        var phone = Pick(_targets.Offices)!;
        switch (_random.Next(6))
        {
            case 0:
                phone = Pick(OfficesWhere(v => v.RingingAt)) ?? phone;
                Do($"phone {phone} answers", () => phones.Answer(phone));
                break;
            case 1:
                phone = Pick(OfficesWhere(v => v.RingingAt)) ?? phone;
                Do($"phone {phone} rejects", () => phones.Reject(phone));
                break;
            case 2:
                phone = Pick(OfficesWhere(v => v.ConnectedTo is { } to ? [to] : [])) ?? phone;
                Do($"phone {phone} hangs up", () => phones.HangUp(phone));
                break;
            case 3: Do($"phone {phone} becomes busy", () => phones.SetBusy(phone)); break;
            case 4: Do($"phone {phone} does not answer", () => phones.SetNoAnswer(phone)); break;
            default:
                var delay = TimeSpan.FromSeconds(1 + _random.Next(20));
                Do($"phone {phone} answers after {delay.TotalSeconds:0} s", () => phones.SetAnswersAfter(phone, delay));
                break;
        }
    }

    private void CstaLinkFault()
    {
        if (_cstaFailed || !_random.Chance(0.3)) return;
        _cstaFailed = true;
        Do("the CSTA link fails", () => _csta!.Fail());
        _world.Loop.ScheduleAfter(TimeSpan.FromSeconds(5) + _random.NextDuration(TimeSpan.FromSeconds(55)), () =>
        {
            if (_cstaFailed) RestoreCsta();
        });
    }

    private void ContactCenterFault()
    {
        var center = _contactCenter!;
        if (!center.IsUp || !_random.Chance(0.3)) return;
        Do("the contact center fails", center.Fail);
        _world.Loop.ScheduleAfter(TimeSpan.FromSeconds(5) + _random.NextDuration(TimeSpan.FromSeconds(55)), () =>
        {
            if (!center.IsUp) Do("the contact center is restored", center.Restore);
        });
    }

    private void RestoreCsta()
    {
        _cstaFailed = false;
        Do("the CSTA link is restored", () => _csta!.Restore());
    }

    private void ServerFault()
    {
        var pair = _redundancy!;
        if (!_mainFailed && _random.Chance(0.2))
        {
            _mainFailed = true;
            Do("the main server goes down", pair.FailMainServer);
        }
        else if (_mainFailed && pair.StandbyActive)
        {
            _mainFailed = false;
            Do("the operator switches back to the primary", pair.SwitchBackToPrimary);
        }
    }

    /// <summary>Office phones that live calls show (ringing or connected), in a fixed order, so that phone actions often meet a call.</summary>
    private List<string> OfficesWhere(Func<CallerView, IEnumerable<string>> numbers)
    {
        var offices = new HashSet<string>(_targets.Offices, StringComparer.Ordinal);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var call in _calls)
        {
            var view = _callers.Observe(call);
            if (view.Disposition is not null) continue;
            foreach (var number in numbers(view))
                if (offices.Contains(number)) found.Add(number);
        }
        return [.. found];
    }

    private string? LoggedOn()
    {
        var devices = _desk.LoggedOnDevices;
        return devices.Count == 0 ? null : devices[_random.Next(devices.Count)];
    }

    private string? Pick(IReadOnlyList<string> items) => items.Count == 0 ? null : items[_random.Next(items.Count)];

    private void Do(string action, Action act)
    {
        try
        {
            act();
            _log.Add(action, "ok");
        }
        catch (InvalidOperationException refused)
        {
            _log.Add(action, "refused: " + refused.Message, refused: true);
        }
    }
}
