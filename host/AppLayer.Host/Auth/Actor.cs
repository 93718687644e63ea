using System.Text;

namespace AppLayer.Host.Auth;

/// <summary>
/// Who a request acts as, for audit trails: the API key (scope and id), preceded by the person's
/// name when the client sends one in <c>X-AppLayer-User</c> (the CLI sends the login name).
/// </summary>
internal static class Actor
{
    public const string UserHeader = "X-AppLayer-User";
    private const int MaxUserLength = 64;

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.User.FindFirst(AppLayerClaims.Scope)?.Value ?? "unknown";
        var key = $"{scope} key #{context.User.FindFirst(AppLayerClaims.KeyId)?.Value ?? "?"}";
        var user = Clean(context.Request.Headers[UserHeader].ToString());
        return user.Length == 0 ? key : $"{user} ({key})";
    }

    private static string Clean(string header)
    {
        var text = new StringBuilder();
        foreach (var c in header.Trim())
        {
            if (text.Length == MaxUserLength)
            {
                break;
            }

            text.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or ' ' ? c : '?');
        }

        return text.ToString().Trim();
    }
}
