using System.Reflection;
using Concierge.Scenarios.Tags;

namespace Concierge.Scenarios.Binding;

/// <summary>A before- or after-scenario hook and the tags it applies to.</summary>
public sealed record HookBinding(MethodInfo Method, TagExpression Tags, bool IsBefore);
