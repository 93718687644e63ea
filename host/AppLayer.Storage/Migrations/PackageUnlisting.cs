namespace AppLayer.Storage.Migrations;

/// <summary>Migration 3: a package can be unlisted (NuGet's delete); its version is never reused.</summary>
internal static class PackageUnlisting
{
    public const string Sql = """
        ALTER TABLE packages ADD COLUMN unlisted_at TEXT NULL;
        """;
}
