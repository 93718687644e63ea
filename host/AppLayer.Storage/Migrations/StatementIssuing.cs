namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 9: issued statements and agreement versions by effective date.
/// <list type="bullet">
/// <item><c>agreements.superseded_by</c>: the version that superseded a version (it is then never in force). Filled so
/// that the versions in force stay what "the latest signed of those already effective" made them: a version is
/// superseded by the first later-signed one effective on or before its own day (rows without an effective day count
/// from their signing day, in UTC).</item>
/// <item><c>statements</c>: one issued month per customer, its number (a sequence per year of issue, <c>2026-0001</c>),
/// totals and the rendered bytes (JSON, HTML, CSV) served as they are; <c>statement_lines</c>: its lines, each with the
/// key of what it bills (a time entry, its surcharge, a coverage surcharge) and, for a correction, the statement and
/// line it corrects.</item>
/// </list>
/// </summary>
internal static class StatementIssuing
{
    public const string Sql = """
        ALTER TABLE agreements ADD COLUMN superseded_by INTEGER;

        UPDATE agreements SET superseded_by = (
            SELECT MIN(w.version) FROM agreements w
            WHERE w.customer_id = agreements.customer_id
              AND w.version > agreements.version
              AND COALESCE(w.effective_from, substr(w.signed_at, 1, 10)) <= COALESCE(agreements.effective_from, substr(agreements.signed_at, 1, 10)));

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            month TEXT NOT NULL,
            year INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            number TEXT NOT NULL UNIQUE,
            issued_at TEXT NOT NULL,
            net TEXT NOT NULL,
            vat TEXT NOT NULL,
            total TEXT NOT NULL,
            json BLOB NOT NULL,
            html BLOB NOT NULL,
            csv BLOB NOT NULL,
            UNIQUE (customer_id, month),
            UNIQUE (year, sequence)
        );

        CREATE TABLE statement_lines (
            statement_id INTEGER NOT NULL REFERENCES statements (id),
            line INTEGER NOT NULL,
            key TEXT NOT NULL,
            date TEXT NOT NULL,
            reference TEXT NOT NULL,
            description TEXT NOT NULL,
            billing TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            billed_minutes INTEGER NOT NULL,
            included_minutes INTEGER NOT NULL,
            rate TEXT NOT NULL,
            amount TEXT NOT NULL,
            corrects_statement_id INTEGER REFERENCES statements (id),
            corrects_line INTEGER,
            PRIMARY KEY (statement_id, line)
        ) WITHOUT ROWID;
        CREATE INDEX ix_statement_lines_corrects ON statement_lines (corrects_statement_id) WHERE corrects_statement_id IS NOT NULL;
        """;
}
