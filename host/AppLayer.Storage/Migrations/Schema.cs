namespace AppLayer.Storage.Migrations;

/// <summary>Every migration, in order. Add a new one at the end; never edit one that has shipped.</summary>
internal static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "initial schema", InitialSchema.Sql),
        new(2, "legal change work items", LegalChangeWorkItems.Sql),
        new(3, "package unlisting", PackageUnlisting.Sql),
        new(4, "service desk: agreement terms, contacts, tickets, outbox, work, time", ServiceDeskSchema.Sql),
        new(6, "history filters and contact keys", HistoryFiltersAndContacts.Sql),
        new(5, "system software inventory and support end dates", SystemInventory.Sql),
        new(7, "release gates: rehearsal reports and approvals", RehearsalGates.Sql),
        new(8, "escalation notices once per ticket and kind", TicketNotices.Sql),
        new(9, "holds on rolled-back updates: their releases", ReleaseHolds.Sql),
        new(10, "issued statements; agreement versions superseded", StatementIssuing.Sql),
        new(11, "quotes: fixed price or estimate with a cap", QuoteBases.Sql),
        new(12, "history events counted per customer, kind and month", HistoryMonthCounts.Sql),
        new(13, "staged rollouts, their audit trail, freezes", Rollouts.Sql),
    ];
}
