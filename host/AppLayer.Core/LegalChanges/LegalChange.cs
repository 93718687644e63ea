namespace AppLayer.Core.LegalChanges;

/// <summary>
/// A legal or regulatory change as a work item: what changes, where it is written (one or more
/// references), when it takes effect and how far the supplier's work on it has come.
/// </summary>
public sealed record LegalChange
{
    public long Id { get; init; }

    /// <summary>Legal references such as "Act No. 349/2023 Coll."; the first one is the change's name.</summary>
    public required IReadOnlyList<string> References { get; init; }

    public string Reference => References[0];

    public required string Title { get; init; }

    /// <summary>Upper-case country code (CZ, SK, ...).</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>accounting, payroll, finance, production, tax or reporting.</summary>
    public required string Area { get; init; }

    public string? SourceUrl { get; init; }

    public DateOnly? AnnouncedOn { get; init; }

    public required DateOnly EffectiveDate { get; init; }

    /// <summary>The last day of a transitional period, when the law grants one.</summary>
    public DateOnly? TransitionEndsOn { get; init; }

    /// <summary>Affected IS modules, lower-case; none means every module.</summary>
    public required IReadOnlyList<string> Modules { get; init; }

    public string? Assignee { get; init; }

    public LegalChangeStatus Status { get; init; } = LegalChangeStatus.Announced;

    /// <summary>Why the change is not applicable (with <see cref="LegalChangeStatus.NotApplicable"/>).</summary>
    public string? StatusReason { get; init; }

    /// <summary>Where an imported change came from, e.g. <c>github:owner/repo#12</c>; unique.</summary>
    public string? ExternalId { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Bumped by every update; an update based on an older revision is refused.</summary>
    public int Revision { get; init; } = 1;
}
