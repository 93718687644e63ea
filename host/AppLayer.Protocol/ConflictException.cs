namespace AppLayer.Protocol;

/// <summary>A user's mistake: the thing to create exists already (same code, reference or name).</summary>
public class ConflictException : UserException
{
    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConflictException()
    {
    }
}
