using System.Globalization;
using AppLayer.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AppLayer.History.Bench;

/// <summary>Fills a fresh data folder straight through SQL: customers, one installation each, and their history.</summary>
internal static class Seeder
{
    private static readonly string[] Kinds = ["legal-change", "update-applied", "update-applied", "update-failed", "update-applied"];

    public static async Task SeedAsync(string dataDirectory, BenchOptions options)
    {
        using (var database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = dataDirectory }), TimeProvider.System))
        {
            await database.MigrateAsync(CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "applayer.db")};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var c = 1; c <= options.Customers; c++)
        {
            await ExecAsync(connection, transaction, "INSERT INTO customers (id, code, name, created_at) VALUES ($id, $code, $name, '2020-01-01T00:00:00.0000000Z')", ("$id", c), ("$code", Code(c)), ("$name", $"Zákazník {c} s.r.o."));
            await ExecAsync(connection, transaction, "INSERT INTO installations (id, customer_id, code, name, is_version, modules, time_zone, created_at) VALUES ($id, $id, $code, 'Provoz', '5.2.0', '[\"accounting\",\"payroll\"]', 'Europe/Prague', '2020-01-01T00:00:00.0000000Z')", ("$id", c), ("$code", Code(c) + "-prod"));
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO history_events (customer_id, at, kind, installation, subject, detail, modules, legal_references) VALUES ($c, $at, $kind, $inst, $subject, $detail, '|accounting|', $legal)";
        var customer = insert.Parameters.Add("$c", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var installation = insert.Parameters.Add("$inst", SqliteType.Text);
        var subject = insert.Parameters.Add("$subject", SqliteType.Text);
        var detail = insert.Parameters.Add("$detail", SqliteType.Text);
        var legal = insert.Parameters.Add("$legal", SqliteType.Text);
        insert.Prepare();

        // Interleaved by time, as a real history grows: event i of every customer, then i + 1.
        for (var i = 0; i < options.EventsPerCustomer; i++)
        {
            for (var c = 1; c <= options.Customers; c++)
            {
                var k = Kinds[(i + c) % Kinds.Length];
                customer.Value = c;
                at.Value = start.AddMinutes((i * 60.0) + (c * 0.01)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
                kind.Value = k;
                installation.Value = k == "legal-change" ? DBNull.Value : Code(c) + "-prod";
                subject.Value = k == "legal-change" ? $"Act No. {i}/2024 Coll. (CZ)" : $"Cz.Update{i} 1.0.0";
                detail.Value = $"Detail of event {i}: VAT and payroll changes for customer {c}";
                legal.Value = $"|Act No. {i}/2024 Coll.|";
                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await ExecAsync(connection, null, "ANALYZE");
    }

    public static string Code(int customer) => "c" + customer.ToString("D4", CultureInfo.InvariantCulture);

    private static async Task ExecAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
