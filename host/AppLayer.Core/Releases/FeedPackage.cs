namespace AppLayer.Core.Releases;

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
