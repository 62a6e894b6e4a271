namespace Concierge.Scenarios.Tags;

/// <summary>
/// A Cucumber tag expression (`@osv and not @slow`, `(@a or @b) and not @c`): `not` binds tighter than `and`,
/// `and` tighter than `or`; parentheses group. Tags are compared case-sensitively, with their `@`.
/// </summary>
public abstract class TagExpression
{
    /// <summary>The expression that matches every scenario (an empty filter).</summary>
    public static readonly TagExpression Everything = new Always();

    /// <summary>True when a scenario with <paramref name="tags"/> is selected.</summary>
    public abstract bool Matches(IReadOnlyCollection<string> tags);

    /// <summary>Parses <paramref name="text"/>; an empty or null text selects everything.</summary>
    public static TagExpression Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var tokens = Tokenize(text);
        var position = 0;
        var expression = ParseOr(tokens, ref position, text);
        if (position != tokens.Count) throw new FormatException($"tag expression '{text}': unexpected '{tokens[position]}'");
        return expression;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')') i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static TagExpression ParseOr(List<string> tokens, ref int position, string text)
    {
        var left = ParseAnd(tokens, ref position, text);
        while (position < tokens.Count && tokens[position] == "or")
        {
            position++;
            left = new Or(left, ParseAnd(tokens, ref position, text));
        }
        return left;
    }

    private static TagExpression ParseAnd(List<string> tokens, ref int position, string text)
    {
        var left = ParseUnary(tokens, ref position, text);
        while (position < tokens.Count && tokens[position] == "and")
        {
            position++;
            left = new And(left, ParseUnary(tokens, ref position, text));
        }
        return left;
    }

    private static TagExpression ParseUnary(List<string> tokens, ref int position, string text)
    {
        if (position >= tokens.Count) throw new FormatException($"tag expression '{text}': ends where a tag was expected");
        var token = tokens[position++];
        if (token == "not") return new Not(ParseUnary(tokens, ref position, text));
        if (token == "(")
        {
            var inner = ParseOr(tokens, ref position, text);
            if (position >= tokens.Count || tokens[position] != ")") throw new FormatException($"tag expression '{text}': missing ')'");
            position++;
            return inner;
        }
        if (!token.StartsWith('@') || token.Length < 2) throw new FormatException($"tag expression '{text}': '{token}' is not a tag (tags start with @)");
        return new Tag(token);
    }

    private sealed class Always : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => true;
        public override string ToString() => "true";
    }

    private sealed class Tag(string name) : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => tags.Contains(name);
        public override string ToString() => name;
    }

    private sealed class Not(TagExpression inner) : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => !inner.Matches(tags);
        public override string ToString() => $"not {inner}";
    }

    private sealed class And(TagExpression left, TagExpression right) : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => left.Matches(tags) && right.Matches(tags);
        public override string ToString() => $"({left} and {right})";
    }

    private sealed class Or(TagExpression left, TagExpression right) : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => left.Matches(tags) || right.Matches(tags);
        public override string ToString() => $"({left} or {right})";
    }
}
