namespace AppLayer.Storage;

/// <summary>Where the embedded database lives: <c>{DataDirectory}/applayer.db</c>.</summary>
public sealed class StorageOptions
{
    public const string DatabaseFileName = "applayer.db";

    /// <summary>The folder that holds the database (and, beside it, the feed).</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>How long a statement waits for a lock held by another connection.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), DatabaseFileName);
}
