using System.Globalization;
using System.Text;
using AppLayer.Protocol;

namespace AppLayer.Core.History;

/// <summary>Where a page of history ends: the (at, id) of its last event, sent back as an opaque token.</summary>
public sealed record HistoryCursor(DateTimeOffset At, long Id)
{
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}.{Id}");
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <exception cref="UserException">The token was not made by <see cref="Encode"/>.</exception>
    public static HistoryCursor Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var base64 = token.Trim().Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return new HistoryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            }
        }
        catch (FormatException)
        {
            // reported below
        }

        throw new UserException($"The paging cursor '{token}' is not valid; use the 'next' cursor of a previous page.");
    }
}
