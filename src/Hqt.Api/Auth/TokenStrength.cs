namespace Hqt.Api.Auth;

/// <summary>
/// Whether a configured token (<c>Hqt:ApiToken</c>) is strong enough to stand on a keyed hash alone: at least
/// <see cref="MinLength"/> characters and about 100 bits by its own character frequencies (a random 32-character hex
/// string has ~120; a repeated pattern or "password-password-password-1" do not pass).
/// </summary>
public static class TokenStrength
{
    public const int MinLength = 32;
    public const double MinBits = 100;

    /// <summary>Why the token is too weak, or null when it is fine.</summary>
    public static string? Problem(string token)
    {
        if (token.Length < MinLength)
            return $"Hqt:ApiToken is {token.Length} characters; it must be at least {MinLength} random characters. "
                + "Generate one with `openssl rand -base64 32`, or leave Hqt:ApiToken unset to get a generated token in the data directory's api-token file.";
        var bits = EstimatedBits(token);
        if (bits < MinBits || HasRepeatedRun(token))
            return $"Hqt:ApiToken looks guessable (about {bits:0} bits: too few different characters or a repeated pattern); "
                + "use at least 32 random characters, e.g. `openssl rand -base64 32`.";
        return null;
    }

    /// <summary>Length × the Shannon entropy of the token's character frequencies, in bits; a repeated unit counts once.</summary>
    public static double EstimatedBits(string token)
    {
        if (token.Length == 0) return 0;
        token = token[..Period(token)];
        var perChar = token.GroupBy(c => c).Select(g => (double)g.Count() / token.Length).Sum(p => -p * Math.Log2(p));
        return perChar * token.Length;
    }

    /// <summary>A run of 5 characters that comes back 3 times ("password-password-password-…"): a word, not randomness.</summary>
    static bool HasRepeatedRun(string s) =>
        Enumerable.Range(0, Math.Max(0, s.Length - 4)).GroupBy(i => s.Substring(i, 5)).Any(g => g.Count() >= 3);

    static int Period(string s)
    {
        for (var p = 1; p < s.Length; p++)
        {
            var repeats = true;
            for (var i = p; i < s.Length && repeats; i++) repeats = s[i] == s[i % p];
            if (repeats) return p;
        }
        return s.Length;
    }
}
