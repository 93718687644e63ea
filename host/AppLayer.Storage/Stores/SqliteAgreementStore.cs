using System.Text.Json;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

/// <summary>
/// The store of the <c>agreements</c> table. Each row is one version of a customer's agreement (services, modules,
/// signed_at; since migration 4 also the day it takes effect and its terms; rows from before carry neither and read
/// as effective the day they were signed, on the default terms; since migration 9 the version that superseded it).
/// </summary>
internal sealed class SqliteAgreementStore(SqliteDatabase database) : IAgreementStore
{
    private const string Selected = "customer_id, version, services, modules, signed_at, effective_from, terms, superseded_by";

    /// <summary>Adds the customer's next version (the highest so far plus one) and marks what it supersedes, in one transaction.</summary>
    public async Task<ServiceAgreement> AmendAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        AgreementTerms terms,
        DateOnly effectiveFrom,
        DateTimeOffset signedAt,
        IReadOnlyList<int> supersedes,
        int basedOn,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supersedes);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO agreements (customer_id, version, services, modules, signed_at, effective_from, terms)
            SELECT $customer, latest + 1, $services, $modules, $at, $from, $terms
            FROM (SELECT COALESCE(MAX(version), 0) AS latest FROM agreements WHERE customer_id = $customer)
            WHERE latest = $based
            RETURNING {Selected};
            """,
            [
                ("$customer", customerId),
                ("$services", Columns.List(services)),
                ("$modules", Columns.List(modules)),
                ("$at", Columns.Instant(signedAt)),
                ("$from", Columns.Date(effectiveFrom)),
                ("$terms", JsonSerializer.Serialize(terms)),
                ("$based", basedOn),
            ],
            ReadVersion,
            cancellationToken,
            transaction)
            ?? throw new AppLayer.Protocol.ConflictException("The agreement was amended meanwhile; read it again and repeat the amendment.");
        foreach (var version in supersedes)
        {
            await connection.ExecuteAsync(
                "UPDATE agreements SET superseded_by = $by WHERE customer_id = $customer AND version = $version AND superseded_by IS NULL;",
                [("$by", stored.Agreement.Version), ("$customer", customerId), ("$version", version)],
                cancellationToken,
                transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<AgreementHistory> HistoryAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync(
            $"SELECT {Selected} FROM agreements WHERE customer_id = $customer ORDER BY version;",
            [("$customer", customerId)],
            ReadVersion,
            cancellationToken);
        return new AgreementHistory(versions);
    }

    public async Task<IReadOnlyDictionary<long, AgreementHistory>> HistoriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync(
            $"SELECT {Selected} FROM agreements ORDER BY customer_id, version;",
            [],
            ReadVersion,
            cancellationToken);
        return versions
            .GroupBy(v => v.Agreement.CustomerId)
            .ToDictionary(g => g.Key, g => new AgreementHistory([.. g]));
    }

    private static ServiceAgreement ReadVersion(SqliteDataReader r)
    {
        var agreement = new Agreement(
            r.GetInt64(0), r.GetInt32(1), Columns.ReadList(r.GetString(2)), Columns.ReadList(r.GetString(3)), Columns.ReadInstant(r.GetString(4)));
        var effective = r.GetNullableString(5) is { } day ? Columns.ReadDate(day) : ServiceDeskDirectory.Day(agreement.SignedAt);
        var terms = r.GetNullableString(6) is { } json ? JsonSerializer.Deserialize<AgreementTerms>(json)! : AgreementTerms.Default;
        return new ServiceAgreement(agreement, effective, terms, r.IsDBNull(7) ? null : r.GetInt32(7));
    }
}
