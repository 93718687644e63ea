using System.Diagnostics;

namespace AppLayer.Site.Isolation;

/// <summary>The agent's clock carried into a worker: starts at the agent's "now" and runs on from there.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _started = Stopwatch.GetTimestamp();

    public ShiftedClock(DateTimeOffset start) => _start = start;

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_started);
}
