namespace AppLayer.Protocol.Tuf;

/// <summary>Signed metadata that must not be trusted (bad signature, rollback, expiry, mismatch, too large).</summary>
public sealed class TufException : UserException
{
    public TufException(string message)
        : base(message)
    {
    }

    public TufException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TufException()
    {
    }
}
