using System.Text.Json;
using AppLayer.Core.Model;
using AppLayer.Core.Service.Agreements;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.ServiceDesk;

/// <summary>Agreement versions with terms, in the same <c>agreements</c> table (and version sequence) as <see cref="SqliteAgreementStore"/>.</summary>
internal sealed class SqliteServiceAgreementStore(SqliteDatabase database) : IServiceAgreementStore
{
    private const string Selected = "customer_id, version, services, modules, signed_at, effective_from, terms";

    public async Task<ServiceAgreement> AmendAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        AgreementTerms terms,
        DateOnly effectiveFrom,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO agreements (customer_id, version, services, modules, signed_at, effective_from, terms)
            SELECT $customer, COALESCE(MAX(version), 0) + 1, $services, $modules, $at, $from, $terms
            FROM agreements WHERE customer_id = $customer
            RETURNING {Selected};
            """,
            [
                ("$customer", customerId),
                ("$services", Columns.List(services)),
                ("$modules", Columns.List(modules)),
                ("$at", Columns.Instant(signedAt)),
                ("$from", Columns.Date(effectiveFrom)),
                ("$terms", JsonSerializer.Serialize(terms)),
            ],
            Read,
            cancellationToken,
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return stored!;
    }

    public async Task<AgreementHistory> HistoryAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync(
            $"SELECT {Selected} FROM agreements WHERE customer_id = $customer ORDER BY version;",
            [("$customer", customerId)],
            Read,
            cancellationToken);
        return new AgreementHistory(versions);
    }

    private static ServiceAgreement Read(SqliteDataReader r)
    {
        var agreement = new Agreement(r.GetInt64(0), r.GetInt32(1), Columns.ReadList(r.GetString(2)), Columns.ReadList(r.GetString(3)), Columns.ReadInstant(r.GetString(4)));

        // Versions signed before terms existed take effect on the day they were signed, on the default terms.
        var effective = r.GetNullableString(5) is { } day ? Columns.ReadDate(day) : AppLayer.Core.Service.ServiceDeskDirectory.Day(agreement.SignedAt);
        var terms = r.GetNullableString(6) is { } json ? JsonSerializer.Deserialize<AgreementTerms>(json)! : AgreementTerms.Default;
        return new ServiceAgreement(agreement, effective, terms);
    }
}
