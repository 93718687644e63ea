namespace AppLayer.Host;

/// <summary>How to run a host from code (the CLI's <c>serve</c>, the demo, end-to-end tests).</summary>
public sealed class AppLayerHostOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The folder for the database and the feed; <c>null</c> reads <c>AppLayer:DataDirectory</c> from configuration.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Where to listen (port 0 picks a free port); <c>null</c> reads <c>urls</c> from configuration, else <see cref="DefaultUrls"/>.</summary>
    public string? Urls { get; set; } = DefaultUrls;

    /// <summary>The largest package accepted, in bytes; <c>null</c> keeps the configured or default limit (250 MB).</summary>
    public long? MaxPackageBytes { get; set; }

    /// <summary>The host's clock; <c>null</c> is the system clock (tests pass a fake one).</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>Settings that win over configuration, by key (for example <c>AppLayer:Tuf:SnapshotLifetime</c>).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();
}
