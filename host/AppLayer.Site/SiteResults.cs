namespace AppLayer.Site;

/// <summary>What a pull did with the host's listing.</summary>
public sealed record PullResult(int Listed, int Downloaded, int AlreadyCached, int AlreadyApplied);

/// <summary>What an apply did; <see cref="ExitCode"/> is 2 when any update failed.</summary>
public sealed record ApplyResult(int Applied, int Failed, int AlreadyApplied, ReportResult Reports)
{
    public const int UpdateFailedExitCode = 2;

    /// <summary>Updates held back until the maintenance window opens.</summary>
    public int Waiting { get; init; }

    public int ExitCode => Failed > 0 ? UpdateFailedExitCode : 0;
}

/// <summary>A pull followed by an apply.</summary>
public sealed record RunResult(PullResult Pull, ApplyResult Apply)
{
    public int ExitCode => Apply.ExitCode;
}
