using System.Text.Json;
using AppLayer.Sdk;

namespace AppLayer.Site.Isolation;

/// <summary>The update's log inside a worker: kept for the history row and streamed to the agent line by line.</summary>
internal sealed class ProtocolLog : IUpdateLog
{
    private readonly TextWriter _protocol;
    private readonly List<string> _lines = [];

    public ProtocolLog(TextWriter protocol) => _protocol = protocol;

    public IReadOnlyList<string> Lines => _lines;

    public void Info(string message) => Add(message);

    public void Warn(string message) => Add("warning: " + message);

    public void Send(WorkerMessage message)
    {
        lock (_protocol)
        {
            _protocol.WriteLine(JsonSerializer.Serialize(message, WorkerJson.Options));
            _protocol.Flush();
        }
    }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }

        Send(new WorkerMessage(WorkerMessage.Log, Line: line));
    }
}
