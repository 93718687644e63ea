using System.Diagnostics;

namespace AppLayer.Site.Isolation;

/// <summary>
/// Starts the worker from a thread of its own that lives until the agent is done with it. bubblewrap's
/// <c>--die-with-parent</c> (<c>PR_SET_PDEATHSIG</c>) fires when the <em>thread</em> that started it ends, not the
/// process: started from a thread-pool thread, a worker was killed (SIGKILL, exit code 137) whenever the pool retired
/// that thread mid-update. This thread ends only on <see cref="Dispose"/>, after the worker ended, or with the agent.
/// </summary>
internal sealed class WorkerParent : IDisposable
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerParent(Process process) => Process = process;

    public Process Process { get; }

    /// <exception cref="InvalidOperationException">The process could not be started.</exception>
    public static WorkerParent Start(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<WorkerParent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            WorkerParent parent;
            try
            {
                parent = new WorkerParent(Process.Start(info) ?? throw new InvalidOperationException("cannot start the worker process"));
            }
#pragma warning disable CA1031 // handed to the caller
            catch (Exception ex)
#pragma warning restore CA1031
            {
                started.SetException(ex);
                return;
            }

            started.SetResult(parent);
            parent._done.Task.Wait();
        })
        {
            IsBackground = true,
            Name = "worker parent",
        };
        thread.Start();
        return started.Task.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _done.TrySetResult();
        Process.Dispose();
    }
}
