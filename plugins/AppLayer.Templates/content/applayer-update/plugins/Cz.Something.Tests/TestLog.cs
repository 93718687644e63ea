using AppLayer.Sdk;

namespace Cz.Something.Tests;

/// <summary>Keeps the lines an update logs, as the site agent's report would.</summary>
public sealed class TestLog : IUpdateLog
{
    public List<string> Lines { get; } = [];

    public void Info(string message) => Lines.Add("info: " + message);

    public void Warn(string message) => Lines.Add("warning: " + message);
}
