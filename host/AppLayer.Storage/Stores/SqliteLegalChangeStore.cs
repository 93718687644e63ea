using AppLayer.Protocol;
using AppLayer.Core.History;
using AppLayer.Core.LegalChanges;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteLegalChangeStore(SqliteDatabase database) : ILegalChangeStore
{
    private const int ConstraintViolation = 19;

    private const string Selected = """
        id, title, jurisdiction, area, effective_date, modules, recorded_at, source_url, announced_on,
        transition_ends_on, assignee, status, status_reason, external_id, updated_at, revision
        """;

    public async Task<LegalChange?> AddAsync(LegalChange change, IReadOnlyList<HistoryEvent> events, LegalChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(audit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        try
        {
            var id = await connection.ScalarAsync<long?>(
                """
                INSERT INTO legal_changes (reference, title, jurisdiction, area, effective_date, modules, recorded_at, source_url, announced_on,
                    transition_ends_on, assignee, status, status_reason, external_id, updated_at, revision)
                VALUES ($reference, $title, $jurisdiction, $area, $effective, $modules, $recorded, $source, $announced,
                    $transition, $assignee, $status, $reason, $external, $updated, 1)
                ON CONFLICT DO NOTHING
                RETURNING id;
                """,
                Parameters(change),
                cancellationToken,
                transaction);
            if (id is not { } changeId)
            {
                return null;
            }

            await WriteReferencesAsync(connection, transaction, changeId, change, cancellationToken);
            await InsertAuditAsync(connection, transaction, [audit with { LegalChangeId = changeId }], cancellationToken);
            foreach (var historyEvent in events)
            {
                await SqliteHistoryStore.InsertAsync(connection, transaction, historyEvent, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return change with { Id = changeId, Revision = 1 };
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
    }

    public async Task<LegalChange?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await SelectAsync("WHERE id = $id", [("$id", id)], cancellationToken)).FirstOrDefault();

    public async Task<LegalChange?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
        (await SelectAsync("WHERE external_id = $external", [("$external", externalId)], cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<LegalChange>> FindByReferencesAsync(string jurisdiction, IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        var names = references.Select((_, i) => $"$r{i}").ToList();
        var parameters = references.Select((r, i) => ($"$r{i}", (object?)r)).Append(("$jurisdiction", jurisdiction)).ToList();
        return await SelectAsync(
            $"WHERE id IN (SELECT legal_change_id FROM legal_change_references WHERE jurisdiction = $jurisdiction AND reference IN ({string.Join(", ", names)}))",
            parameters,
            cancellationToken);
    }

    public async Task<IReadOnlyList<LegalChange>> ListAsync(CancellationToken cancellationToken) =>
        await SelectAsync(string.Empty, [], cancellationToken);

    public async Task<LegalChangeSaveResult> UpdateAsync(LegalChange change, IReadOnlyList<LegalChangeAudit> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(audit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        try
        {
            var updated = await connection.ExecuteAsync(
                """
                UPDATE legal_changes SET reference = $reference, title = $title, jurisdiction = $jurisdiction, area = $area,
                    effective_date = $effective, modules = $modules, source_url = $source, announced_on = $announced,
                    transition_ends_on = $transition, assignee = $assignee, status = $status, status_reason = $reason,
                    external_id = $external, updated_at = $updated, revision = revision + 1
                WHERE id = $id AND revision = $revision;
                """,
                [.. Parameters(change), ("$id", change.Id), ("$revision", change.Revision)],
                cancellationToken,
                transaction);
            if (updated == 0)
            {
                return LegalChangeSaveResult.Stale;
            }

            await connection.ExecuteAsync(
                "DELETE FROM legal_change_references WHERE legal_change_id = $id;", [("$id", change.Id)], cancellationToken, transaction);
            await WriteReferencesAsync(connection, transaction, change.Id, change, cancellationToken);
            await InsertAuditAsync(connection, transaction, audit, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return LegalChangeSaveResult.Saved;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            return LegalChangeSaveResult.Duplicate;
        }
    }

    public async Task<IReadOnlyList<LegalChangeAudit>> ListAuditAsync(long legalChangeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT id, legal_change_id, at, actor, field, old_value, new_value FROM legal_change_audit WHERE legal_change_id = $id ORDER BY id;",
            [("$id", legalChangeId)],
            ReadAudit,
            cancellationToken);
    }

    public async Task<IReadOnlyList<LegalChangeAudit>> ListStatusAuditAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT id, legal_change_id, at, actor, field, old_value, new_value FROM legal_change_audit WHERE field = 'status' ORDER BY id;",
            [],
            ReadAudit,
            cancellationToken);
    }

    private static LegalChangeAudit ReadAudit(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), Columns.ReadInstant(r.GetString(2)), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetNullableString(6));

    public async Task<bool> LinkPackageAsync(LegalChangePackageLink link, LegalChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var added = await connection.ExecuteAsync(
            """
            INSERT INTO legal_change_packages (legal_change_id, package_id, linked_at, linked_by)
            VALUES ($id, $package, $at, $by) ON CONFLICT DO NOTHING;
            """,
            [("$id", link.LegalChangeId), ("$package", link.PackageId), ("$at", Columns.Instant(link.LinkedAt)), ("$by", link.LinkedBy)],
            cancellationToken,
            transaction);
        if (added == 0)
        {
            return false;
        }

        await InsertAuditAsync(connection, transaction, [audit], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> UnlinkPackageAsync(long legalChangeId, string packageId, LegalChangeAudit audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var removed = await connection.ExecuteAsync(
            "DELETE FROM legal_change_packages WHERE legal_change_id = $id AND package_id = $package;",
            [("$id", legalChangeId), ("$package", packageId)],
            cancellationToken,
            transaction);
        if (removed == 0)
        {
            return false;
        }

        await InsertAuditAsync(connection, transaction, [audit], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<LegalChangePackageLink>> ListLinksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT legal_change_id, package_id, linked_at, linked_by FROM legal_change_packages ORDER BY legal_change_id, package_id;",
            [],
            r => new LegalChangePackageLink(r.GetInt64(0), r.GetString(1), Columns.ReadInstant(r.GetString(2)), r.GetString(3)),
            cancellationToken);
    }

    private async Task<List<LegalChange>> SelectAsync(string where, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            $"SELECT {Selected} FROM legal_changes {where} ORDER BY effective_date, id;", parameters, Read, cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }

        var references = (await connection.QueryAsync(
                $"SELECT legal_change_id, reference FROM legal_change_references WHERE legal_change_id IN ({string.Join(", ", rows.Select(r => r.Id))}) ORDER BY legal_change_id, position;",
                [],
                r => (Id: r.GetInt64(0), Reference: r.GetString(1)),
                cancellationToken))
            .ToLookup(r => r.Id, r => r.Reference);
        return [.. rows.Select(r => r with { References = [.. references[r.Id]] })];
    }

    private static async Task WriteReferencesAsync(SqliteConnection connection, SqliteTransaction transaction, long id, LegalChange change, CancellationToken cancellationToken)
    {
        for (var position = 0; position < change.References.Count; position++)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO legal_change_references (legal_change_id, position, reference, jurisdiction)
                VALUES ($id, $position, $reference, $jurisdiction);
                """,
                [("$id", id), ("$position", position), ("$reference", change.References[position]), ("$jurisdiction", change.Jurisdiction)],
                cancellationToken,
                transaction);
        }
    }

    private static async Task InsertAuditAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<LegalChangeAudit> audit, CancellationToken cancellationToken)
    {
        foreach (var line in audit)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO legal_change_audit (legal_change_id, at, actor, field, old_value, new_value)
                VALUES ($id, $at, $actor, $field, $old, $new);
                """,
                [("$id", line.LegalChangeId), ("$at", Columns.Instant(line.At)), ("$actor", line.Actor), ("$field", line.Field), ("$old", line.OldValue), ("$new", line.NewValue)],
                cancellationToken,
                transaction);
        }
    }

    private static List<(string Name, object? Value)> Parameters(LegalChange change) =>
    [
        ("$reference", change.Reference),
        ("$title", change.Title),
        ("$jurisdiction", change.Jurisdiction),
        ("$area", change.Area),
        ("$effective", Columns.Date(change.EffectiveDate)),
        ("$modules", Columns.List(change.Modules)),
        ("$recorded", Columns.Instant(change.RecordedAt)),
        ("$source", change.SourceUrl),
        ("$announced", OptionalDate(change.AnnouncedOn)),
        ("$transition", OptionalDate(change.TransitionEndsOn)),
        ("$assignee", change.Assignee),
        ("$status", change.Status.ToName()),
        ("$reason", change.StatusReason),
        ("$external", change.ExternalId),
        ("$updated", Columns.Instant(change.UpdatedAt)),
    ];

    private static string? OptionalDate(DateOnly? date) => date is { } d ? Columns.Date(d) : null;

    private static DateOnly? ReadOptionalDate(string? text) => text is null ? null : Columns.ReadDate(text);

    private static LegalChange Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        References = [],
        Title = r.GetString(1),
        Jurisdiction = r.GetString(2),
        Area = r.GetString(3),
        EffectiveDate = Columns.ReadDate(r.GetString(4)),
        Modules = Columns.ReadList(r.GetString(5)),
        RecordedAt = Columns.ReadInstant(r.GetString(6)),
        SourceUrl = r.GetNullableString(7),
        AnnouncedOn = ReadOptionalDate(r.GetNullableString(8)),
        TransitionEndsOn = ReadOptionalDate(r.GetNullableString(9)),
        Assignee = r.GetNullableString(10),
        Status = LegalChangeStatusNames.Parse(r.GetString(11)),
        StatusReason = r.GetNullableString(12),
        ExternalId = r.GetNullableString(13),
        UpdatedAt = Columns.ReadInstant(r.GetNullableString(14) ?? r.GetString(6)),
        Revision = r.GetInt32(15),
    };
}
