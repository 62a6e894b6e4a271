using Concierge.Config.Numbers;
using Concierge.Runtime.Collections;

namespace Concierge.Cps.Directory;

/// <summary>One person or place in the phone book (C 2.1): name, numbers, department, location and e-mail.</summary>
public sealed record DirectoryEntry(string Name, ValueList<E164Number> Numbers, string? Department, string? Location, string? Email);
