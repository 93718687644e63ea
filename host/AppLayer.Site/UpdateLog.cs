using AppLayer.Sdk;

namespace AppLayer.Site;

/// <summary>Keeps what an update logged (for its report) and echoes each line to an optional writer.</summary>
public sealed class UpdateLog : IUpdateLog
{
    private readonly List<string> _lines = [];
    private readonly TextWriter? _echo;
    private readonly string _prefix;

    public UpdateLog(TextWriter? echo = null, string prefix = "  ")
    {
        _echo = echo;
        _prefix = prefix;
    }

    /// <summary>Every line so far; warnings start with <c>warning: </c>.</summary>
    public IReadOnlyList<string> Lines => _lines;

    public void Info(string message) => Add(message);

    public void Warn(string message) => Add("warning: " + message);

    private void Add(string line)
    {
        _lines.Add(line);
        _echo?.WriteLine(_prefix + line);
    }
}
