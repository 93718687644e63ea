namespace AppLayer.Storage.Migrations;

/// <summary>One step of the schema, applied once, in its own transaction, and journalled.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
