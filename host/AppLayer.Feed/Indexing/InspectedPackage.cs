using AppLayer.Sdk;

namespace AppLayer.Feed.Indexing;

/// <summary>A package that passed inspection: its identity (version normalised), manifest (made from the nuspec for a kit package) and nuspec.</summary>
internal sealed record InspectedPackage(string Id, string Version, UpdateManifest Manifest, byte[] Nuspec, bool Kit);
