namespace AppLayer.Site.Isolation;

/// <summary>
/// What changes when anything writes to an SQLite file: the length and last write time of the file and of its WAL
/// (absent: -1). Taken before and after a rehearsal while the write lock is held, so a difference means something
/// wrote to the database around SQLite's locks (the file itself, or a WAL checkpoint).
/// </summary>
internal sealed record FileFingerprint(long Length, DateTime Written, long WalLength, DateTime WalWritten)
{
    public static FileFingerprint Of(string database)
    {
        var file = new FileInfo(database);
        var wal = new FileInfo(database + "-wal");
        return new FileFingerprint(
            file.Exists ? file.Length : -1,
            file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue,
            wal.Exists ? wal.Length : -1,
            wal.Exists ? wal.LastWriteTimeUtc : DateTime.MinValue);
    }
}
