using System.Security.Claims;

namespace Hqt.Api.Auth;

public static class CurrentUser
{
    /// <summary>The id of the authenticated user; every /api route requires one.</summary>
    public static long UserId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No authenticated user."));
}
