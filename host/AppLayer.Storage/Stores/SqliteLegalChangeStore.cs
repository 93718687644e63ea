using AppLayer.Core.Model;
using AppLayer.Core.Stores;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteLegalChangeStore(SqliteDatabase database) : ILegalChangeStore
{
    private const string Selected = "id, reference, title, jurisdiction, area, effective_date, modules, recorded_at";

    public async Task<LegalChange?> AddAsync(LegalChange change, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO legal_changes (reference, title, jurisdiction, area, effective_date, modules, recorded_at)
            VALUES ($reference, $title, $jurisdiction, $area, $effective, $modules, $at)
            ON CONFLICT DO NOTHING
            RETURNING {Selected};
            """,
            [
                ("$reference", change.Reference),
                ("$title", change.Title),
                ("$jurisdiction", change.Jurisdiction),
                ("$area", change.Area),
                ("$effective", Columns.Date(change.EffectiveDate)),
                ("$modules", Columns.List(change.Modules)),
                ("$at", Columns.Instant(change.RecordedAt)),
            ],
            Read,
            cancellationToken,
            transaction);
        if (stored is null)
        {
            return null;
        }

        foreach (var historyEvent in events)
        {
            await SqliteHistoryStore.InsertAsync(connection, transaction, historyEvent, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<LegalChange>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Selected} FROM legal_changes ORDER BY effective_date, id;", [], Read, cancellationToken);
    }

    private static LegalChange Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        Columns.ReadDate(r.GetString(5)),
        Columns.ReadList(r.GetString(6)),
        Columns.ReadInstant(r.GetString(7)));
}
