namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 11: a quote is a fixed price or an estimate with a cap (<c>quotes.basis</c>, <c>quotes.cap_halere</c>).
/// Quotes sent before were billed as time × rate; they become estimates capped at their price, so no statement bills
/// more than the quote said or more than the time.
/// </summary>
internal static class QuoteBases
{
    public const string Sql = """
        ALTER TABLE quotes ADD COLUMN basis TEXT NOT NULL DEFAULT 'estimate' CHECK (basis IN ('fixed', 'estimate'));
        ALTER TABLE quotes ADD COLUMN cap_halere INTEGER CHECK (cap_halere IS NULL OR cap_halere >= price_halere);
        UPDATE quotes SET cap_halere = price_halere;
        """;
}
