namespace AppLayer.GitHub;

/// <summary>An issue's front matter (or labels) cannot be turned into a legal change.</summary>
public sealed class FrontMatterException : Exception
{
    public FrontMatterException(string message)
        : base(message)
    {
    }

    public FrontMatterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FrontMatterException()
    {
    }
}
