using Concierge.Scenarios.StepLanguage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Scenarios.Tests.Binding;

public sealed class PhraseSuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same", "same", 0)]
    public void Levenshtein_examples(string a, string b, int distance) => Assert.Equal(distance, PhraseSuggestions.Levenshtein(a, b));

    [Property]
    public Property Levenshtein_is_a_metric() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(), (a, b, c) =>
        {
            a ??= ""; b ??= ""; c ??= "";
            var ab = PhraseSuggestions.Levenshtein(a, b);
            return ab == PhraseSuggestions.Levenshtein(b, a)
                && (ab == 0) == (a == b)
                && PhraseSuggestions.Levenshtein(a, c) <= ab + PhraseSuggestions.Levenshtein(b, c);
        });

    [Fact]
    public void Values_do_not_count_as_differences() =>
        Assert.Equal(PhraseSuggestions.ShapeOfText("attendant \"7580\" waits 5 seconds"), PhraseSuggestions.ShapeOfText("attendant \"7581\" waits 2 minutes"));
}
