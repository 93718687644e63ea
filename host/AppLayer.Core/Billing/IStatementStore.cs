namespace AppLayer.Core.Billing;

/// <summary>Issued statements: numbered, stored with their lines and bytes, never changed.</summary>
public interface IStatementStore
{
    /// <summary>
    /// Takes the next number of <paramref name="year"/> (<c>{year}-{sequence:0000}</c>), renders the statement for it and
    /// stores it with its lines and bytes, in one transaction.
    /// </summary>
    /// <exception cref="AppLayer.Protocol.ConflictException">The customer's month is issued already (nothing stored).</exception>
    Task<IssuedStatement> IssueAsync(long customerId, string month, int year, DateTimeOffset issuedAt, Func<string, RenderedStatement> render, CancellationToken cancellationToken);

    /// <returns>The customer's issued statements with their lines, by month.</returns>
    Task<IReadOnlyList<IssuedStatement>> ListAsync(long customerId, CancellationToken cancellationToken);

    /// <returns>The number of the customer's issued month, or <c>null</c>.</returns>
    Task<string?> NumberAsync(long customerId, string month, CancellationToken cancellationToken);

    /// <returns>The stored bytes of statement <paramref name="number"/> in <paramref name="format"/> (json, html, csv), or <c>null</c>.</returns>
    Task<byte[]?> BytesAsync(string number, string format, CancellationToken cancellationToken);
}
