using Concierge.Config.Model;
using Concierge.Config.Numbers;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for attendant working places: unique devices and personal lines, lines inside the range, Unify Phone pairs.</summary>
internal static class AttendantRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        var devices = new HashSet<E164Number>();
        var lines = new HashSet<E164Number>();
        var allDevices = config.Attendants.Select(a => a.Device).ToHashSet();
        for (var i = 0; i < config.Attendants.Count; i++)
        {
            var a = config.Attendants[i];
            var path = $"attendants[{i}]";
            if (!devices.Add(a.Device))
            {
                problems.Error($"{path}.device", a.Device.ToString(), "is the device of another attendant");
            }
            if (!lines.Add(a.PersonalLine))
            {
                problems.Error($"{path}.personalLine", a.PersonalLine.ToString(), "is the personal line of another attendant");
            }
            if (!config.Ranges.PersonalLines.Contains(a.PersonalLine))
            {
                problems.Error($"{path}.personalLine", a.PersonalLine.ToString(), $"is outside ranges.personalLines ({config.Ranges.PersonalLines})");
            }
            if (allDevices.Contains(a.PersonalLine))
            {
                problems.Error($"{path}.personalLine", a.PersonalLine.ToString(), "is an attendant device");
            }
            if (a.Tenant is { } tenant)
            {
                ReferenceRules.Tenant(config, $"{path}.tenant", tenant, problems);
            }
            if (a.Greeting is { } greeting)
            {
                ReferenceRules.Announcement(config, $"{path}.greeting", greeting, tenant: null, type: null, problems);
            }
            if (a.UnifyPhone is { } pair)
            {
                if (pair.Ons != a.Device)
                {
                    problems.Error($"{path}.unifyPhone.ons", pair.Ons.ToString(), $"differs from the device {a.Device}: an attendant logs on with the ONS");
                }
                if (pair.Ond == pair.Ons)
                {
                    problems.Error($"{path}.unifyPhone.ond", pair.Ond.ToString(), "equals the ONS");
                }
                if (config.Pbx != PbxType.Osv)
                {
                    problems.Error($"{path}.unifyPhone", pair.Ons.ToString(), "Unify Phone attendants need OpenScape Voice (C 4.3.5)");
                }
                if (config.UsesOscc)
                {
                    problems.Error($"{path}.unifyPhone", pair.Ons.ToString(), "Unify Phone attendants are not supported with OSCC (C 4.3.5)");
                }
            }
        }
    }
}
