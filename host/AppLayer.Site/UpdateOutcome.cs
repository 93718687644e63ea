namespace AppLayer.Site;

/// <summary>How one run of an update ended: committed, or rolled back at <see cref="Step"/> with the reason.</summary>
public sealed record UpdateOutcome(bool Succeeded, UpdateStep Step, string Message)
{
    /// <summary>The update tried to control the agent's transaction (BEGIN, COMMIT, SAVEPOINT, ATTACH, journal PRAGMAs) and was stopped.</summary>
    public bool Tampered { get; init; }

    /// <summary>The IS database was found damaged after the worker failed; nothing more may be applied to it.</summary>
    public bool Damaged { get; init; }

    public static UpdateOutcome Committed(string message) => new(true, UpdateStep.Commit, message);

    public static UpdateOutcome Failed(UpdateStep step, string message) => new(false, step, message);
}

/// <summary>The steps of one update run, in order.</summary>
public enum UpdateStep
{
    /// <summary>Before the update ran: IS version, dependencies, package contents, loading the plugin.</summary>
    Load,
    Preflight,
    Apply,
    Verify,
    Record,
    Commit,
}
