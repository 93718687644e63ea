namespace AppLayer.Protocol;

/// <summary>
/// A user's mistake (bad argument, unknown customer, bad package, missing key): printed as one
/// line without a stack trace, mapped to a non-zero exit code or a 4xx answer.
/// </summary>
public class UserException : Exception
{
    public UserException(string message)
        : base(message)
    {
    }

    public UserException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UserException()
    {
    }
}
