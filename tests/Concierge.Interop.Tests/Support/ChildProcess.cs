using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Concierge.Interop.Tests.Support;

/// <summary>
/// A peer process started by a test: its output kept (the last 200 lines, for failure messages), stopped by signal,
/// and killed with its children on <see cref="Dispose"/> whatever happened.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly List<(Func<string, bool> Wanted, TaskCompletionSource<string> Seen)> _watches = [];

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess Start(string name, string executable, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) => child.Heard(e.Data);
        process.ErrorDataReceived += (_, e) => child.Heard(e.Data);
        if (!process.Start()) throw new InvalidOperationException("could not start " + executable);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The output so far (its last lines).</summary>
    public string Output
    {
        get
        {
            lock (_lines) return $"--- {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _lines);
        }
    }

    /// <summary>The first output line that <paramref name="wanted"/> accepts, from now or already seen.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> wanted, TimeSpan limit)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.FirstOrDefault(wanted) is { } line) return line;
            _watches.Add((wanted, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not print the awaited line within {limit}\n{Output}");
        }
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var patience = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
            _process.WaitForExit(); // the output readers finish too
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGTERM (an orderly stop).</summary>
    public void Terminate() => Signal(15);

    /// <summary>Sends SIGKILL to the process alone (as kill -9 does): its children, if any, stay.</summary>
    public void KillHard() => Signal(9);

    private void Signal(int signal)
    {
        if (_process.HasExited) return;
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill -{signal} {_process.Id} failed ({Marshal.GetLastPInvokeError()})");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Signal(15);
                if (!_process.WaitForExit(TimeSpan.FromSeconds(3))) _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(3));
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }

    private void Heard(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > 200) _lines.Dequeue();
            for (var i = _watches.Count - 1; i >= 0; i--)
            {
                if (!_watches[i].Wanted(line)) continue;
                _watches[i].Seen.TrySetResult(line);
                _watches.RemoveAt(i);
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
