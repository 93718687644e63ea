using System.Data.Common;
using AppLayer.Sdk;

namespace Cz.Something.Tests;

/// <summary>What the site agent hands an update, over a real SQLite connection and transaction.</summary>
public sealed class TestUpdateContext(DbConnection connection, DbTransaction transaction, TimeProvider clock) : IUpdateContext
{
    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public InstallationFacts Installation { get; } = new("test-prod", "test", "5.2", ["payroll"], "Europe/Prague");

    public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string>();

    public TestLog TestLog { get; } = new();

    public IUpdateLog Log => TestLog;

    public TimeProvider Clock => clock;
}
