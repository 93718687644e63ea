using AppLayer.Sdk;

namespace AppLayer.Samples.Tests;

/// <summary>Wraps a real update and damages the data between its apply and its verify.</summary>
internal sealed class TamperAfterApply(IUpdate inner, string sql) : IUpdate
{
    public Task<StepResult> PreflightAsync(IUpdateContext context, CancellationToken cancellationToken) => inner.PreflightAsync(context, cancellationToken);

    public async Task ApplyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        await inner.ApplyAsync(context, cancellationToken);
        await context.ExecuteAsync(sql, cancellationToken);
    }

    public Task<StepResult> VerifyAsync(IUpdateContext context, CancellationToken cancellationToken) => inner.VerifyAsync(context, cancellationToken);
}
