using Hqt.Api.Auth;
using Hqt.Api.Storage;

namespace Hqt.Api.Hosting;

/// <summary>
/// Settings a server must not start with, checked before the host exists: a weak API token, a token key that does not
/// parse (every instance must hash tokens alike), a database provider or connection string that cannot work. Each
/// answers one line for the operator; the validated options bound later would only fail on first use.
/// </summary>
static class StartupChecks
{
    public static string? FirstProblem(HqtOptions options, DatabaseOptions database)
    {
        if (options.ApiToken is { Length: > 0 } token && TokenStrength.Problem(token.Trim()) is { } weak) return weak;
        if (options.TokenKey is { Length: > 0 } key)
        {
            try { TokenKey.FromSetting(key); }
            catch (InvalidOperationException e) { return e.Message; }
        }
        return database.Problem();
    }
}
