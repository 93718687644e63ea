using AppLayer.Core.History;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace AppLayer.Host.Tests.Storage;

/// <summary>Migration 6 on a database that already holds history: the modules and legal references of old events are filled in.</summary>
public sealed class HistoryMigrationTests : IAsyncLifetime
{
    private readonly TempStorage _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Fills_modules_and_legal_references_of_events_written_before_it()
    {
        var path = Path.Combine(_storage.DataDirectory, "applayer.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await new SchemaMigrator(connection, _storage.Time).MigrateAsync([Schema.Migrations[0]], CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO customers (id, code, name, created_at) VALUES (1, 'novak', 'Novák', '2024-01-01T00:00:00.0000000Z');
                INSERT INTO legal_changes (reference, title, jurisdiction, area, effective_date, modules, recorded_at)
                VALUES ('Act No. 349/2023 Coll.', 'VAT', 'CZ', 'tax', '2024-01-01', '["Accounting"]', '2024-01-02T00:00:00.0000000Z');
                INSERT INTO packages (id, version, kind, manifest, sha512, size, published_at)
                VALUES ('Cz.Vat2024', '1.0.0', 'Legislative', '{"id":"Cz.Vat2024","legalReferences":["Act No. 349/2023 Coll."],"modules":["accounting"]}', 'x', 1, '2024-01-03T00:00:00.0000000Z');
                INSERT INTO history_events (customer_id, at, kind, installation, subject, detail) VALUES
                    (1, '2024-01-02T00:00:00.0000000Z', 'legal-change', NULL, 'Act No. 349/2023 Coll. (CZ)', 'VAT'),
                    (1, '2024-01-04T00:00:00.0000000Z', 'update-applied', 'novak-prod', 'Cz.Vat2024 1.0.0', 'VAT'),
                    (1, '2024-01-05T00:00:00.0000000Z', 'update-failed', 'novak-prod', 'Other 2.0.0', 'boom');
                """;
            await command.ExecuteNonQueryAsync();
        }

        (await _storage.Database.MigrateAsync(CancellationToken.None)).ShouldContain(6);
        var page = await _storage.Get<IHistoryStore>().QueryAsync(1, new HistoryQuery(), CancellationToken.None);

        page.Events.Select(e => string.Join(",", e.Modules)).ShouldBe(["accounting", "accounting", ""]);
        page.Events.Select(e => string.Join(",", e.LegalReferences)).ShouldBe(["Act No. 349/2023 Coll.", "Act No. 349/2023 Coll.", ""]);
        (await _storage.Get<IHistoryStore>().QueryAsync(1, new HistoryQuery { Legal = "349/2023" }, CancellationToken.None)).Events.Count.ShouldBe(2);
    }
}
