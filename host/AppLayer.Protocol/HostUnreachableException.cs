namespace AppLayer.Protocol;

/// <summary>The host did not answer: nothing is lost, reports wait for the next run.</summary>
public sealed class HostUnreachableException : UserException
{
    public HostUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HostUnreachableException(string message)
        : base(message)
    {
    }

    public HostUnreachableException()
    {
    }
}
