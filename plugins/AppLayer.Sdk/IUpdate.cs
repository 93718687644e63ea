namespace AppLayer.Sdk;

/// <summary>
/// One update of the IS database. The site agent calls <see cref="PreflightAsync"/>,
/// <see cref="ApplyAsync"/> and <see cref="VerifyAsync"/> in that order inside one database
/// transaction; it commits only when all three succeed, and rolls back otherwise.
/// An exception from any step counts as a failure with the exception's message.
/// </summary>
public interface IUpdate
{
    /// <summary>Checks that the database is in the state the update expects. Must not change it.</summary>
    Task<StepResult> PreflightAsync(IUpdateContext context, CancellationToken cancellationToken);

    /// <summary>Changes the database through <see cref="IUpdateContext.Connection"/>.</summary>
    Task ApplyAsync(IUpdateContext context, CancellationToken cancellationToken);

    /// <summary>Proves the change holds, before it is committed.</summary>
    Task<StepResult> VerifyAsync(IUpdateContext context, CancellationToken cancellationToken);
}
