using AppLayer.Protocol;
using System.Globalization;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Protocol.Api;
using AppLayer.Storage;
using AppLayer.Storage.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>
/// Many rows at once, straight into the host's database in one transaction (a prepared statement re-run),
/// so a test of a 10,000-row page seeds in well under a second.
/// </summary>
public static class BulkRows
{
    /// <summary>Installations <c>{customer}-00001</c> … of an existing customer, with <paramref name="modules"/>.</summary>
    /// <returns>The ids of the new installations, in code order.</returns>
    public static async Task<IReadOnlyList<long>> AddInstallationsAsync(this HostFactory host, string customer, int count, params string[] modules)
    {
        await using var connection = await OpenAsync(host);
        await using var transaction = connection.BeginTransaction();
        var customerId = await CustomerIdAsync(connection, transaction, customer);
        await using var insert = Command(
            connection,
            transaction,
            "INSERT INTO installations (customer_id, code, name, is_version, modules, time_zone, created_at) VALUES ($customer, $code, $name, '5.2.0', $modules, 'Europe/Prague', $at) RETURNING id;",
            "$customer",
            "$code",
            "$name",
            "$modules",
            "$at");
        var ids = new List<long>(count);
        for (var i = 1; i <= count; i++)
        {
            var code = Code(customer, i);
            Set(insert, customerId, code, "Site " + code, Columns.List(modules), Columns.Instant(host.Time.GetUtcNow()));
            ids.Add((long)(await insert.ExecuteScalarAsync())!);
        }

        await transaction.CommitAsync();
        return ids;
    }

    /// <summary>One report per installation on one package.</summary>
    public static async Task AddDeploymentsAsync(this HostFactory host, IEnumerable<long> installations, string packageId, DeploymentStatus status, DateTimeOffset at)
    {
        await using var connection = await OpenAsync(host);
        await using var transaction = connection.BeginTransaction();
        await using var insert = Command(
            connection,
            transaction,
            "INSERT INTO deployments (installation_id, package_id, package_version, status, message, sha512, report_id, at) VALUES ($installation, $package, '1.0.0', $status, 'ok', NULL, $report, $at);",
            "$installation",
            "$package",
            "$status",
            "$report",
            "$at");
        foreach (var installation in installations)
        {
            Set(insert, installation, packageId, status.ToName(), Guid.NewGuid().ToString(), Columns.Instant(at));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// Open Help Desk tickets of an existing customer, subjects <c>ticket 00001</c> …; ticket i was opened 3 × i hours
    /// before the host's clock (so the oldest are breached), every other one assigned to <c>eva</c>.
    /// </summary>
    public static async Task AddTicketsAsync(this HostFactory host, string customer, int count)
    {
        await using var connection = await OpenAsync(host);
        await using var transaction = connection.BeginTransaction();
        var customerId = await CustomerIdAsync(connection, transaction, customer);
        await using var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO tickets (customer_id, subject, body, service, priority, channel, contact_email, status, assignee, opened_at, responded_at, resolved_at, updated_at, row_version)
            VALUES ($customer, $subject, 'body', 'help-desk', 'normal', 'web', NULL, $status, $assignee, $opened, NULL, NULL, $opened, 1);
            """,
            "$customer",
            "$subject",
            "$status",
            "$assignee",
            "$opened");
        for (var i = 1; i <= count; i++)
        {
            var assigned = i % 2 == 0;
            Set(insert, customerId, "ticket " + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), assigned ? "assigned" : "registered", assigned ? "eva" : DBNull.Value, Columns.Instant(host.Time.GetUtcNow().AddHours(-3 * i)));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Customers <c>{prefix}-00001</c> …, without agreement or installation.</summary>
    public static async Task AddCustomersAsync(this HostFactory host, string prefix, int count)
    {
        await using var connection = await OpenAsync(host);
        await using var transaction = connection.BeginTransaction();
        await using var insert = Command(connection, transaction, "INSERT INTO customers (code, name, created_at) VALUES ($code, $name, $at);", "$code", "$name", "$at");
        for (var i = 1; i <= count; i++)
        {
            Set(insert, Code(prefix, i), "Customer " + Code(prefix, i), Columns.Instant(host.Time.GetUtcNow()));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>History events of an existing customer, one a minute from <paramref name="from"/>, subjects <c>event 00001</c> ….</summary>
    public static async Task AddHistoryAsync(this HostFactory host, string customer, int count, DateTimeOffset from)
    {
        await using var connection = await OpenAsync(host);
        await using var transaction = connection.BeginTransaction();
        var customerId = await CustomerIdAsync(connection, transaction, customer);
        for (var i = 1; i <= count; i++)
        {
            var subject = "event " + i.ToString("D5", CultureInfo.InvariantCulture);
            var historyEvent = new HistoryEvent(0, customerId, from.AddMinutes(i), HistoryKinds.UpdateApplied, customer + "-prod", subject, "applied <b>" + subject + "</b>")
            {
                Modules = ["accounting"],
            };
            await SqliteHistoryStore.InsertAsync(connection, transaction, historyEvent, CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    /// <summary>Chargeable consultations of an existing customer on reference <c>C-0</c>, one a minute apart from <paramref name="from"/>.</summary>
    public static async Task AddTimeEntriesAsync(this HostFactory host, string customer, int count, DateTimeOffset from, int minutes)
    {
        await using var connection = await OpenAsync(host);
        await using var transaction = connection.BeginTransaction();
        var customerId = await CustomerIdAsync(connection, transaction, customer);
        await using var insert = Command(
            connection,
            transaction,
            "INSERT INTO time_entries (customer_id, reference, kind, chargeable, worker, started_at, ends_at, minutes, note) VALUES ($customer, 'C-0', 'consultation', 1, 'tomas', $start, $end, $minutes, $note);",
            "$customer",
            "$start",
            "$end",
            "$minutes",
            "$note");
        for (var i = 0; i < count; i++)
        {
            var start = from.AddMinutes(i);
            Set(insert, customerId, Columns.Instant(start), Columns.Instant(start.AddMinutes(minutes)), minutes, "entry " + i.ToString("D5", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public static string Code(string prefix, int number) => prefix + "-" + number.ToString("D5", CultureInfo.InvariantCulture);

    private static async Task<SqliteConnection> OpenAsync(HostFactory host) =>
        await host.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);

    private static async Task<long> CustomerIdAsync(SqliteConnection connection, SqliteTransaction transaction, string code)
    {
        await using var find = Command(connection, transaction, "SELECT id FROM customers WHERE code = $code;", "$code");
        Set(find, code);
        return (long)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no customer '{code}'"));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the tests' own constant SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
