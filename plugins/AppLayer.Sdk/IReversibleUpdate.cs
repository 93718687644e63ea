namespace AppLayer.Sdk;

/// <summary>
/// An update that can undo itself (optional). <c>applayer site rollback</c> calls
/// <see cref="RevertAsync"/> and then <see cref="VerifyRevertedAsync"/> in one transaction and
/// commits only when both succeed. Updates without it are rolled back from the snapshot the agent
/// took before applying them.
/// </summary>
public interface IReversibleUpdate : IUpdate
{
    /// <summary>Undoes what <see cref="IUpdate.ApplyAsync"/> changed, through the context's transaction.</summary>
    Task RevertAsync(IUpdateContext context, CancellationToken cancellationToken);

    /// <summary>Proves the database is as before the update, before the revert is committed.</summary>
    Task<StepResult> VerifyRevertedAsync(IUpdateContext context, CancellationToken cancellationToken);
}
