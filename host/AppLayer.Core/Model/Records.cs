using AppLayer.Protocol.Api;

namespace AppLayer.Core.Model;

public sealed record Customer(long Id, string Code, string Name, DateTimeOffset CreatedAt);

/// <summary>The service agreement (minimal for now): which services and IS modules are covered.</summary>
public sealed record Agreement(
    long CustomerId,
    int Version,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Modules,
    DateTimeOffset SignedAt)
{
    public const string ApplicationLayer = "application-layer";

    public bool CoversApplicationLayer => Services.Contains(ApplicationLayer, StringComparer.OrdinalIgnoreCase);
}

public sealed record Installation(
    long Id,
    long CustomerId,
    string Code,
    string Name,
    string IsVersion,
    IReadOnlyList<string> Modules,
    string TimeZone,
    DateTimeOffset CreatedAt);

/// <summary>
/// A package stored in the feed, with its update manifest. A kit package (<paramref name="Kit"/>: the
/// plugin authors' Sdk, templates, the CLI tool) has a manifest made from its nuspec and is never an update.
/// </summary>
public sealed record FeedPackage(
    string Id,
    string Version,
    string Sha512,
    long Size,
    AppLayer.Sdk.UpdateManifest Manifest,
    DateTimeOffset PublishedAt,
    bool Kit = false);

public sealed record Release(long Id, string Name, IReadOnlyList<string> Packages, string Notes, DateTimeOffset CreatedAt);

public sealed record Deployment(
    long Id,
    long InstallationId,
    string PackageId,
    string Version,
    DeploymentStatus Status,
    string Message,
    DateTimeOffset At);

/// <summary>One line of a customer's change history.</summary>
public sealed record HistoryEvent(
    long Id,
    long CustomerId,
    DateTimeOffset At,
    string Kind,
    string? Installation,
    string Subject,
    string Detail)
{
    /// <summary>The IS modules the event concerns (lower case); empty when unknown.</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];

    /// <summary>The legal references the event concerns; empty when none.</summary>
    public IReadOnlyList<string> LegalReferences { get; init; } = [];
}

public sealed record ApiKeyInfo(long Id, KeyScope Scope, long? InstallationId, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, bool Revoked)
{
    /// <summary>The customer a <see cref="KeyScope.Contact"/> key belongs to.</summary>
    public long? CustomerId { get; init; }
}
