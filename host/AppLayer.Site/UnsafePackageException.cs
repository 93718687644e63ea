using AppLayer.Protocol;

namespace AppLayer.Site;

/// <summary>A package holds an entry that would land outside its folder (<c>..</c>, an absolute or rooted path).</summary>
public sealed class UnsafePackageException : UserException
{
    public UnsafePackageException(string message)
        : base(message)
    {
    }

    public UnsafePackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnsafePackageException()
    {
    }
}
