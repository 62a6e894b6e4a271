using System.Globalization;
using Bogus;
using Concierge.Runtime.Randomness;

namespace Concierge.Scenarios.Load;

/// <summary>
/// The names and calling numbers of a load run's callers: numbered ("load 17", +4930 1000017 — the first profile's
/// callers, so its trace stays the same) or generated with Bogus from the run's seed (a person's name and company,
/// a German geographic number). Names and numbers are unique within the run: the world tells calls apart by both.
/// </summary>
public sealed class CallerIdentities
{
    private static readonly string[] AreaCodes = ["30", "40", "69", "89", "221", "211", "511", "711", "351", "341"];
    private readonly Faker? _faker;
    private readonly DeterministicRandom _random;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _numbers = new(StringComparer.Ordinal);

    /// <summary>Numbered callers, or generated ones in <paramref name="locale"/> from <paramref name="random"/>.</summary>
    public CallerIdentities(bool generated, string locale, DeterministicRandom random)
    {
        _random = random;
        if (generated) _faker = new Faker(locale) { Random = new Randomizer(unchecked((int)random.NextUInt64())) };
    }

    /// <summary>The identity of the <paramref name="index"/>-th caller.</summary>
    public (string Name, string Number) Next(int index)
    {
        if (_faker is null)
            return ("load " + index.ToString(CultureInfo.InvariantCulture), "+4930" + (1_000_000 + index).ToString(CultureInfo.InvariantCulture));
        var name = $"{_faker.Name.FirstName()} {_faker.Name.LastName()} ({_faker.Company.CompanyName()})";
        if (!_names.Add(name))
        {
            name = $"{name} {index.ToString(CultureInfo.InvariantCulture)}";
            _names.Add(name);
        }
        string number;
        do
        {
            var area = AreaCodes[_random.Next(AreaCodes.Length)];
            number = "+49" + area + _random.Next(1_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        } while (!_numbers.Add(number));
        return (name, number);
    }
}
