using Concierge.Scenarios.Tags;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Scenarios.Tests.Features;

public sealed class TagExpressionTests
{
    [Theory]
    [InlineData("@osv and not @slow", new[] { "@osv" }, true)]
    [InlineData("@osv and not @slow", new[] { "@osv", "@slow" }, false)]
    [InlineData("@osv and not @slow", new[] { "@os4000" }, false)]
    [InlineData("@a or @b and @c", new[] { "@a" }, true)]          // and binds tighter than or
    [InlineData("(@a or @b) and @c", new[] { "@a" }, false)]
    [InlineData("not @a or @b", new[] { "@a" }, false)]            // not binds tightest
    [InlineData("not (@a or @b)", new[] { "@c" }, true)]
    [InlineData("", new string[0], true)]
    public void Evaluates_like_cucumber(string expression, string[] tags, bool expected) =>
        Assert.Equal(expected, TagExpression.Parse(expression).Matches(tags));

    [Theory]
    [InlineData("osv")]
    [InlineData("@a and")]
    [InlineData("(@a or @b")]
    [InlineData("@a @b")]
    [InlineData("and @a")]
    public void Rejects_malformed_expressions(string expression) => Assert.Throws<FormatException>(() => TagExpression.Parse(expression));

    [Property]
    public Property De_Morgan_holds() =>
        Prop.ForAll(ArbMap.Default.ArbFor<bool>(), ArbMap.Default.ArbFor<bool>(), (hasA, hasB) =>
        {
            var tags = new List<string>();
            if (hasA) tags.Add("@a");
            if (hasB) tags.Add("@b");
            return TagExpression.Parse("not (@a and @b)").Matches(tags) == TagExpression.Parse("not @a or not @b").Matches(tags)
                && TagExpression.Parse("not not @a").Matches(tags) == hasA;
        });
}
