using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Service;

public sealed class ServiceDeskSchemaTests : IAsyncLifetime
{
    private readonly TempStorage _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Migration_4_adds_the_service_desk_tables_and_agreement_columns()
    {
        (await _storage.Database.MigrateAsync(CancellationToken.None)).ShouldContain(4);

        await using var connection = await _storage.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' UNION ALL SELECT 'agreements.' || name FROM pragma_table_info('agreements')";
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        new[] { "contacts", "tickets", "ticket_events", "ticket_messages", "outbox", "work_items", "quotes", "time_entries", "agreements.effective_from", "agreements.terms" }
            .ShouldBeSubsetOf(names);
    }
}
