using System.Data.Common;

namespace AppLayer.Sdk;

/// <summary>What the site agent hands an update while it runs.</summary>
public interface IUpdateContext
{
    /// <summary>The open IS database connection.</summary>
    DbConnection Connection { get; }

    /// <summary>The transaction every command must run in; the agent commits or rolls it back.</summary>
    DbTransaction Transaction { get; }

    /// <summary>Facts about the installation the update runs at.</summary>
    InstallationFacts Installation { get; }

    /// <summary>Parameters given to this update (from the release or the installation).</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    IUpdateLog Log { get; }

    /// <summary>The clock; use it instead of <see cref="DateTime.Now"/>.</summary>
    TimeProvider Clock { get; }
}
