namespace AppLayer.Core.Changelog;

/// <summary>One update a customer's installations applied: what it is, and where and when it was applied.</summary>
public sealed record AppliedUpdate(
    string PackageId,
    string Version,
    string Title,
    string Kind,
    IReadOnlyList<string> LegalReferences,
    DateOnly? EffectiveDate,
    IReadOnlyList<AppliedAt> AppliedAt);
