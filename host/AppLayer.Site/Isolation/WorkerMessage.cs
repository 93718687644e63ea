namespace AppLayer.Site.Isolation;

/// <summary>
/// One JSON line a worker writes on its stdout: a <c>log</c> line of the update, or the final
/// <c>outcome</c>. Anything else the plugin prints goes to stderr and never reaches the protocol.
/// </summary>
internal sealed record WorkerMessage(string Type, string? Line = null, bool Succeeded = false, UpdateStep Step = UpdateStep.Load, string? Message = null, bool Tampered = false)
{
    public const string Log = "log";
    public const string Outcome = "outcome";
}
