using System.IO.Compression;
using System.Text;
using AppLayer.Sdk;

namespace AppLayer.Site.Tests.Support;

/// <summary>Makes variants of real packages: another manifest, extra (hostile) entries.</summary>
internal static class PackageFile
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="folder"/> with its manifest changed.</summary>
    public static string WithManifest(string source, string folder, Func<UpdateManifest, UpdateManifest> change)
    {
        var target = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, target);
        using var archive = ZipFile.Open(target, ZipArchiveMode.Update);
        var entry = archive.GetEntry(UpdateManifest.FileName)!;
        string json;
        using (var reader = new StreamReader(entry.Open()))
        {
            json = reader.ReadToEnd();
        }

        entry.Delete();
        Write(archive, UpdateManifest.FileName, change(UpdateManifest.Parse(json)).ToJson());
        return target;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="folder"/> with one more entry, named as given.</summary>
    public static string WithEntry(string source, string folder, string entryName, string content)
    {
        var target = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, target);
        using var archive = ZipFile.Open(target, ZipArchiveMode.Update);
        Write(archive, entryName, content);
        return target;
    }

    /// <summary>A zip with exactly these entries.</summary>
    public static string Create(string path, params (string Name, string Content)[] entries)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            Write(archive, name, content);
        }

        return path;
    }

    private static void Write(ZipArchive archive, string name, string content)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
