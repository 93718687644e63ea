using AppLayer.Core.LegalChanges;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Storage;
using AppLayer.Storage.Migrations;

namespace AppLayer.Host.Tests.Storage;

/// <summary>Migration 2 on a database that holds legal changes recorded under migration 1.</summary>
public sealed class LegalChangeMigrationTests : IAsyncLifetime
{
    private readonly TempStorage _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Carries_a_version_1_legal_change_over_with_its_reference_and_an_audit_line()
    {
        {
            var options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = _storage.DataDirectory });
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={options.Value.DatabasePath}");
            await connection.OpenAsync();
            await new SchemaMigrator(connection, _storage.Time).MigrateAsync([.. Schema.Migrations.Where(m => m.Version == 1)], CancellationToken.None);
            await connection.ExecuteAsync(
                """
                INSERT INTO legal_changes (reference, title, jurisdiction, area, effective_date, modules, recorded_at)
                VALUES ('Act No. 349/2023 Coll.', 'VAT', 'CZ', 'tax', '2024-01-01', '["accounting"]', '2023-11-01T08:00:00.0000000Z');
                """,
                [],
                CancellationToken.None);
        }

        var changes = _storage.Get<ILegalChangeStore>();
        var change = (await changes.ListAsync(CancellationToken.None)).ShouldHaveSingleItem();
        var audit = await changes.ListAuditAsync(change.Id, CancellationToken.None);

        change.References.ShouldBe(["Act No. 349/2023 Coll."]);
        change.Status.ShouldBe(AppLayer.Core.LegalChanges.LegalChangeStatus.Announced);
        change.UpdatedAt.ShouldBe(change.RecordedAt);
        audit.ShouldHaveSingleItem().NewValue.ShouldBe("Act No. 349/2023 Coll. (CZ)");
        (await changes.FindByReferencesAsync("cz", ["act no. 349/2023 coll."], CancellationToken.None)).ShouldHaveSingleItem();
    }
}
