using AppLayer.Protocol;

namespace AppLayer.Changelog;

/// <summary>A fragment breaks a rule; the message names the file and line.</summary>
public sealed class FragmentException : UserException
{
    public FragmentException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
    }

    public FragmentException()
    {
        File = string.Empty;
    }

    public FragmentException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public FragmentException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }

    public int Line { get; }
}
