namespace AppLayer.Site.Isolation;

/// <summary>
/// One JSON line a worker writes on its stdout: a <c>log</c> line of the update, or the final
/// <c>outcome</c>, or <c>locked</c> (the worker holds the database's write lock and waits for the agent's <c>go</c>
/// line on its stdin). Anything else the plugin prints goes to stderr and never reaches the protocol.
/// </summary>
internal sealed record WorkerMessage(string Type, string? Line = null, bool Succeeded = false, UpdateStep Step = UpdateStep.Load, string? Message = null, bool Tampered = false)
{
    public const string Log = "log";
    public const string Outcome = "outcome";
    public const string Locked = "locked";

    /// <summary>The line the agent writes on a held worker's stdin to let it run the plugin.</summary>
    public const string Go = "go";
}
