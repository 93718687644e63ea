namespace AppLayer.Feed.Indexing;

/// <summary>Why a package was refused, in one line; never leaves the Feed library.</summary>
internal sealed class InvalidPackageException(string message) : Exception(message);
