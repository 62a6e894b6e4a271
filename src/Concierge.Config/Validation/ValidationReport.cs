using Concierge.Runtime.Collections;

namespace Concierge.Config.Validation;

/// <summary>Every problem found in a configuration, errors and warnings, in the order found.</summary>
public sealed record ValidationReport(ValueList<ConfigProblem> Problems)
{
    /// <summary>The errors.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.IsError);

    /// <summary>The warnings.</summary>
    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => !p.IsError);

    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => !Problems.Any(p => p.IsError);

    /// <summary>One problem per line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Problems);
}
