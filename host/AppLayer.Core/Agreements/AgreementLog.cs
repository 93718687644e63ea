using Microsoft.Extensions.Logging;

namespace AppLayer.Core.Agreements;

/// <summary>Log lines of agreement amendments (event ids 4150–4159, docs/operations.md).</summary>
public static partial class AgreementLog
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Information, Message = "Agreement of {Customer} amended: version {Version} effective {EffectiveFrom:yyyy-MM-dd}, superseding [{Supersedes}], keeping [{Keeps}].")]
    public static partial void Amended(ILogger logger, string customer, int version, DateOnly effectiveFrom, string supersedes, string keeps);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Warning, Message = "Amendment of {Customer}'s agreement effective {EffectiveFrom:yyyy-MM-dd} refused: {Reason}")]
    public static partial void AmendmentRefused(ILogger logger, string customer, DateOnly effectiveFrom, string reason);
}
