using AppLayer.Protocol;

namespace AppLayer.Site;

/// <summary>
/// A listed update cannot be verified because the signed metadata that would cover it is not served
/// (e.g. a customer's delegated role missing from a generic static export). Only the updates it
/// would cover are skipped; the top-level metadata verified.
/// </summary>
public sealed class UnverifiableTargetException : UserException
{
    public UnverifiableTargetException(string message)
        : base(message)
    {
    }

    public UnverifiableTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnverifiableTargetException()
    {
    }
}
