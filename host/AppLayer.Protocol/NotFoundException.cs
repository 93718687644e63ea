namespace AppLayer.Protocol;

/// <summary>A user's mistake: the thing named (customer, installation, package) does not exist.</summary>
public class NotFoundException : UserException
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotFoundException()
    {
    }
}
