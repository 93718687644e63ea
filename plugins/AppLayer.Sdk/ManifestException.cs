namespace AppLayer.Sdk;

/// <summary>The update manifest is missing, malformed or inconsistent.</summary>
public sealed class ManifestException : Exception
{
    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ManifestException()
    {
    }
}
