using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>Keeps every log line of the named categories (all when none are named) with its event id and structured properties.</summary>
public sealed class CapturingLoggerProvider(params string[] categories) : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <summary>The lines with <paramref name="eventId"/>, in the order logged.</summary>
    public IReadOnlyList<LogEntry> WithId(int eventId) => [.. Entries.Where(e => e.EventId == eventId)];

    public ILogger CreateLogger(string categoryName) =>
        new Logger(categoryName, categories.Length == 0 || categories.Contains(categoryName) ? Entries : null);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry>? entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => entries is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? pairs.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value)
                : [];
            entries?.Enqueue(new LogEntry(category, logLevel, eventId.Id, eventId.Name, formatter(state, exception), properties));
        }
    }
}

/// <summary>One captured log line: its structured properties by name, as the message template names them.</summary>
public sealed record LogEntry(string Category, LogLevel Level, int EventId, string? EventName, string Message, IReadOnlyDictionary<string, object?> Properties);
