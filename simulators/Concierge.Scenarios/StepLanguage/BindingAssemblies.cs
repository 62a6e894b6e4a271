using System.Reflection;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>
/// Binding assemblies that join the runner's own (a QA team's step library): given as a path (<c>--bindings x.dll</c>) or
/// already loaded (a project reference). They must be added before the first scenario runs.
/// </summary>
public static class BindingAssemblies
{
    private static readonly List<Assembly> Extra = [];
    private static readonly Lock Gate = new();
    private static bool _resolverInstalled;

    /// <summary>The simple names Reqnroll is told to load, in the order added.</summary>
    public static IReadOnlyList<string> ExtraNames
    {
        get
        {
            lock (Gate) return Extra.Select(a => a.GetName().Name!).ToArray();
        }
    }

    /// <summary>
    /// The additional step assemblies of a Reqnroll run for <paramref name="runAssembly"/>: the extra ones and, when the
    /// run is for another assembly (a test library of steps), the runner's own, which holds the step language's parameter types.
    /// </summary>
    public static IReadOnlyList<string> NamesFor(Assembly? runAssembly)
    {
        var own = typeof(BindingAssemblies).Assembly;
        var names = ExtraNames.ToList();
        if (runAssembly is not null && runAssembly != own) names.Insert(0, own.GetName().Name!);
        return names.Where(n => n != runAssembly?.GetName().Name).Distinct().ToArray();
    }

    /// <summary>Adds the binding assembly at <paramref name="path"/>; a missing or unloadable file names the path.</summary>
    public static Assembly AddFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"no binding assembly at {path}", full);
        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(full);
        }
        catch (BadImageFormatException e)
        {
            throw new FileLoadException($"{path} is not a .NET assembly: {e.Message}", full, e);
        }
        Add(assembly);
        return assembly;
    }

    /// <summary>Adds an already loaded binding assembly.</summary>
    public static void Add(Assembly assembly)
    {
        lock (Gate)
        {
            if (ReqnrollSession.Started)
                throw new InvalidOperationException($"binding assembly {assembly.GetName().Name} added after the first scenario ran; add binding assemblies first");
            if (Extra.Contains(assembly)) return;
            Extra.Add(assembly);
            if (_resolverInstalled) return;
            // Reqnroll loads additional step assemblies by name: hand it the one already loaded.
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
            {
                var name = new AssemblyName(args.Name).Name;
                lock (Gate) return Extra.FirstOrDefault(a => a.GetName().Name == name);
            };
            _resolverInstalled = true;
        }
    }
}
