namespace AppLayer.Protocol.Api;

/// <summary>The history events of release gates.</summary>
public static class GateHistoryKinds
{
    /// <summary>A site reported a rehearsal of a gated update (detail: succeeded or failed, and why).</summary>
    public const string UpdateRehearsed = "update-rehearsed";

    /// <summary>A manager approved a gated update for an installation (detail: who, and which rehearsal).</summary>
    public const string UpdateApproved = "update-approved";

    /// <summary>The <c>Gate</c> of an update listed to a site that may only rehearse it.</summary>
    public const string RehearseOnly = "rehearse-only";

    /// <summary>The <c>Gate</c> of a gated update approved for the site.</summary>
    public const string Approved = "approved";
}
