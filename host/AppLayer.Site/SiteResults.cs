namespace AppLayer.Site;

/// <summary>What a pull did with the host's listing; <see cref="ExitCode"/> is 3 when any listed update was skipped.</summary>
public sealed record PullResult(int Listed, int Downloaded, int AlreadyCached, int AlreadyApplied)
{
    /// <summary>Some listed updates could not be verified and were skipped; the others were taken.</summary>
    public const int PartlyExitCode = 3;

    /// <summary>The listed updates that could not be verified (not signed, not served, other bytes), each with why; nothing of them was kept.</summary>
    public IReadOnlyList<SkippedUpdate> Skipped { get; init; } = [];

    public int ExitCode => Skipped.Count > 0 ? PartlyExitCode : 0;

    /// <summary>Equal when the counts and the skipped updates (in order) are.</summary>
    public bool Equals(PullResult? other) =>
        other is not null
        && (Listed, Downloaded, AlreadyCached, AlreadyApplied) == (other.Listed, other.Downloaded, other.AlreadyCached, other.AlreadyApplied)
        && Skipped.SequenceEqual(other.Skipped);

    public override int GetHashCode() => HashCode.Combine(Listed, Downloaded, AlreadyCached, AlreadyApplied, Skipped.Count);
}

/// <summary>A listed update a pull could not verify, and why; it was not downloaded (or not kept).</summary>
public sealed record SkippedUpdate(string Id, string Version, string Kind, string Title, string Reason);

/// <summary>What an apply did; <see cref="ExitCode"/> is 2 when any update failed.</summary>
public sealed record ApplyResult(int Applied, int Failed, int AlreadyApplied, ReportResult Reports)
{
    public const int UpdateFailedExitCode = 2;

    /// <summary>Updates held back until the maintenance window opens.</summary>
    public int Waiting { get; init; }

    public int ExitCode => Failed > 0 ? UpdateFailedExitCode : 0;
}

/// <summary>A pull followed by an apply: exit code 2 when an update failed, else 3 when the pull skipped some, else 0.</summary>
public sealed record RunResult(PullResult Pull, ApplyResult Apply)
{
    public int ExitCode => Apply.ExitCode != 0 ? Apply.ExitCode : Pull.ExitCode;
}
