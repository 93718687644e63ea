namespace AppLayer.Feed.Indexing;

/// <summary>Why a package was refused, in one line (and the package limit it breaks, if that is why); never leaves the Feed library.</summary>
internal sealed class InvalidPackageException(string message, string? limit = null) : Exception(message)
{
    public string? Limit { get; } = limit;
}
