namespace Concierge.Config.Validation;

/// <summary>Whether a configuration problem stops the configuration from being used.</summary>
public enum ProblemSeverity
{
    /// <summary>The configuration cannot be used.</summary>
    Error,

    /// <summary>The configuration works but breaks a sizing rule or recommendation.</summary>
    Warning,
}
