using System.Runtime.InteropServices;

namespace AppLayer.Feed.Storage;

/// <summary>
/// A file's length and last write time (UTC), as <see cref="FileInfo"/> reports them, from one look
/// at the disk: a file served on every request (<c>timestamp.json</c>, a package) is looked at once per
/// request to tell whether it changed. On Linux that is one <c>statx</c> call, where <see cref="FileInfo"/>
/// also asks for the process's user id (another system call) to work out a read-only flag nobody here
/// reads; elsewhere, or for a symbolic link, it is <see cref="FileInfo"/>.
/// </summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteTimeUtc)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMtime = 0x40;
    private const uint StatxSize = 0x200;
    private const ushort FileTypeMask = 0xF000;
    private const ushort Directory = 0x4000;
    private const ushort SymbolicLink = 0xA000;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    private static bool s_statx = OperatingSystem.IsLinux();

    /// <returns>The stamp, or <c>null</c> when there is no such file (a directory is not a file).</returns>
    public static FileStamp? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (s_statx && TryStatx(path, out var stamp, out var exists))
        {
            return exists ? stamp : null;
        }

        return OfFileInfo(path);
    }

    private static FileStamp? OfFileInfo(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }

    /// <returns><c>false</c> when <see cref="FileInfo"/> must answer (no <c>statx</c>, a link, an unexpected error).</returns>
    private static bool TryStatx(string path, out FileStamp stamp, out bool exists)
    {
        stamp = default;
        exists = false;
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        Span<byte> name = length <= 1024 ? stackalloc byte[length] : new byte[length];
        var written = System.Text.Encoding.UTF8.GetBytes(path, name);
        if (name[..written].Contains((byte)0))
        {
            return false;
        }

        name[written] = 0;
        int result;
        try
        {
            result = Native.Statx(AtFdCwd, ref MemoryMarshal.GetReference(name), AtSymlinkNoFollow, StatxType | StatxSize | StatxMtime, out var buffer);
            if (result == 0)
            {
                var type = (ushort)(buffer.Mode & FileTypeMask);
                if ((buffer.Mask & (StatxType | StatxSize | StatxMtime)) != (StatxType | StatxSize | StatxMtime) || type == SymbolicLink)
                {
                    return false;
                }

                exists = type != Directory;
                stamp = new FileStamp((long)buffer.Size, DateTime.UnixEpoch.AddTicks((buffer.MtimeSeconds * TimeSpan.TicksPerSecond) + (buffer.MtimeNanoseconds / TimeSpan.NanosecondsPerTick)));
                return true;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            s_statx = false;
            return false;
        }

        var error = Marshal.GetLastPInvokeError();
        if (error is NoSuchFile or NotADirectory)
        {
            return true;
        }

        // ENOSYS (an old kernel or a sandbox without statx): FileInfo from now on; other errors: FileInfo this time.
        if (error == 38)
        {
            s_statx = false;
        }

        return false;
    }

    /// <summary>The part of Linux's <c>struct statx</c> read here (its layout is the same on every architecture).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(112)]
        public long MtimeSeconds;

        [FieldOffset(120)]
        public uint MtimeNanoseconds;
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int directory, ref byte path, int flags, uint mask, out StatxBuffer buffer);
    }
}
