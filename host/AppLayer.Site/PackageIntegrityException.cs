using AppLayer.Protocol;

namespace AppLayer.Site;

/// <summary>
/// A package's bytes are not what the host listed (length or SHA-512): it was refused before it
/// was opened, and nothing of it was kept.
/// </summary>
public sealed class PackageIntegrityException : UserException
{
    public PackageIntegrityException(string message)
        : base(message)
    {
    }

    public PackageIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PackageIntegrityException()
    {
    }
}
