using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AppLayer.Site.Tests.Support;

/// <summary>Keeps every line the agent logs, with its event id and structured properties.</summary>
public sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<(int EventId, LogLevel Level, IReadOnlyDictionary<string, object?> Properties)> Entries { get; } = new();

    /// <summary>The lines with <paramref name="eventId"/>, in the order logged.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> WithId(int eventId) => [.. Entries.Where(e => e.EventId == eventId).Select(e => e.Properties)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value)
            : [];
        Entries.Enqueue((eventId.Id, logLevel, properties));
    }
}
