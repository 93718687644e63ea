namespace AppLayer.Core.LegalChanges;

/// <summary>An explicit link between a legal change and an update package id (every version of it).</summary>
public sealed record LegalChangePackageLink(long LegalChangeId, string PackageId, DateTimeOffset LinkedAt, string LinkedBy);
