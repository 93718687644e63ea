using System.Data.Common;
using AppLayer.Sdk;

namespace AppLayer.Site.Plugins;

/// <summary>What an update gets while it runs: the connection, the one transaction, facts, log and clock.</summary>
internal sealed record UpdateContext(
    DbConnection Connection,
    DbTransaction Transaction,
    InstallationFacts Installation,
    IReadOnlyDictionary<string, string> Parameters,
    IUpdateLog Log,
    TimeProvider Clock) : IUpdateContext;
