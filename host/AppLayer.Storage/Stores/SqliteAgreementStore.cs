using System.Text.Json;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

/// <summary>
/// The one store of the <c>agreements</c> table. Each row is one version of a customer's agreement (services,
/// modules, signed_at; since migration 4 also the day it takes effect and its terms, both optional). The
/// Foundation (entitlements, feed, gates, compliance) uses it as <see cref="IAgreementStore"/>, the service desk
/// as <see cref="IServiceAgreementStore"/>: two views of the same rows, one version sequence, one insert.
/// </summary>
internal sealed class SqliteAgreementStore(SqliteDatabase database) : IAgreementStore, IServiceAgreementStore
{
    private const string Selected = "customer_id, version, services, modules, signed_at";

    private const string SelectedWithTerms = Selected + ", effective_from, terms";

    public Task<Agreement> AddVersionAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken) =>
        InsertAsync(customerId, services, modules, signedAt, effectiveFrom: null, terms: null, Selected, ReadAgreement, cancellationToken);

    public Task<ServiceAgreement> AmendAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        AgreementTerms terms,
        DateOnly effectiveFrom,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken) =>
        InsertAsync(customerId, services, modules, signedAt, Columns.Date(effectiveFrom), JsonSerializer.Serialize(terms), SelectedWithTerms, ReadServiceAgreement, cancellationToken);

    public async Task<Agreement?> FindCurrentAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {Selected} FROM agreements WHERE customer_id = $customer ORDER BY version DESC LIMIT 1;",
            [("$customer", customerId)],
            ReadAgreement,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Agreement>> ListCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"""
            SELECT {Selected} FROM agreements a
            WHERE version = (SELECT MAX(version) FROM agreements b WHERE b.customer_id = a.customer_id)
            ORDER BY customer_id;
            """,
            [],
            ReadAgreement,
            cancellationToken);
    }

    public async Task<AgreementHistory> HistoryAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync(
            $"SELECT {SelectedWithTerms} FROM agreements WHERE customer_id = $customer ORDER BY version;",
            [("$customer", customerId)],
            ReadServiceAgreement,
            cancellationToken);
        return new AgreementHistory(versions);
    }

    /// <summary>Adds the customer's next version (the highest so far plus one) in one transaction.</summary>
    private async Task<T> InsertAsync<T>(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        DateTimeOffset signedAt,
        string? effectiveFrom,
        string? terms,
        string returning,
        Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO agreements (customer_id, version, services, modules, signed_at, effective_from, terms)
            SELECT $customer, COALESCE(MAX(version), 0) + 1, $services, $modules, $at, $from, $terms
            FROM agreements WHERE customer_id = $customer
            RETURNING {returning};
            """,
            [
                ("$customer", customerId),
                ("$services", Columns.List(services)),
                ("$modules", Columns.List(modules)),
                ("$at", Columns.Instant(signedAt)),
                ("$from", effectiveFrom),
                ("$terms", terms),
            ],
            read,
            cancellationToken,
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return stored!;
    }

    private static Agreement ReadAgreement(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt32(1), Columns.ReadList(r.GetString(2)), Columns.ReadList(r.GetString(3)), Columns.ReadInstant(r.GetString(4)));

    private static ServiceAgreement ReadServiceAgreement(SqliteDataReader r)
    {
        var agreement = ReadAgreement(r);

        // Versions signed without terms (through IAgreementStore, or before terms existed) take effect on the day
        // they were signed, on the default terms.
        var effective = r.GetNullableString(5) is { } day ? Columns.ReadDate(day) : ServiceDeskDirectory.Day(agreement.SignedAt);
        var terms = r.GetNullableString(6) is { } json ? JsonSerializer.Deserialize<AgreementTerms>(json)! : AgreementTerms.Default;
        return new ServiceAgreement(agreement, effective, terms);
    }
}
