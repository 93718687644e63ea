using AppLayer.Core.SystemLayer;

namespace AppLayer.Core.SystemLayer;

public interface ISupportDateStore
{
    /// <returns>Every cycle, by component and cycle.</returns>
    Task<IReadOnlyList<SupportDate>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds the cycle or replaces its name and end date.</summary>
    Task<SupportDate> SetAsync(SupportDate date, CancellationToken cancellationToken);
}
