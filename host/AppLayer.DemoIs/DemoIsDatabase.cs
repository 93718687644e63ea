using AppLayer.Protocol;
using Microsoft.Data.Sqlite;
using NuGet.Versioning;

namespace AppLayer.DemoIs;

/// <summary>
/// Creates the demo IS: a small Czech accounting and payroll database as it stood at the end of
/// January 2024, before the VAT consolidation package and the 2025 minimum wage were applied.
/// The sample update plugins and the site agent's tests run against it.
/// </summary>
public static class DemoIsDatabase
{
    public const string DefaultIsVersion = "5.2.0";

    public const string DefaultCompany = "Strojírny Vysočina s.r.o.";

    /// <summary>Creates a new demo IS database at <paramref name="path"/>; refuses to overwrite a file.</summary>
    /// <exception cref="UserException">The file exists, or the IS version is not a version.</exception>
    public static async Task CreateAsync(
        string path,
        string isVersion = DefaultIsVersion,
        string company = DefaultCompany,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!NuGetVersion.TryParse(isVersion, out _))
        {
            throw new UserException($"IS version '{isVersion}' is not a version such as {DefaultIsVersion}.");
        }

        if (string.IsNullOrWhiteSpace(company))
        {
            throw new UserException("The company name must not be empty.");
        }

        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            throw new UserException($"'{fullPath}' already exists; the demo IS is only created in a new file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Build in a neighbouring file and move it into place, so a failure leaves nothing behind.
        var building = fullPath + ".creating";
        File.Delete(building);
        try
        {
            await using (var connection = Open(building))
            {
                await connection.OpenAsync(cancellationToken);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await using (var schema = connection.CreateCommand())
                {
                    schema.Transaction = transaction;
                    schema.CommandText = ReadSchema();
                    await schema.ExecuteNonQueryAsync(cancellationToken);
                }

                await DemoIsData.InsertAsync(connection, transaction, isVersion, company, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            File.Move(building, fullPath);
        }
        finally
        {
            File.Delete(building);
        }
    }

    /// <summary>A connection that creates the file; pooling is off so no handle outlives the creation.</summary>
    private static SqliteConnection Open(string path) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
        }.ToString());

    private static string ReadSchema()
    {
        using var stream = typeof(DemoIsDatabase).Assembly.GetManifestResourceStream("AppLayer.DemoIs.DemoIsSchema.sql")
            ?? throw new InvalidOperationException("The demo IS schema is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
