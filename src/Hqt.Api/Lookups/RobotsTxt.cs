namespace Hqt.Api.Lookups;

/// <summary>
/// A parsed robots.txt (RFC 9309): the groups for our product token, else for <c>*</c>; the longest
/// matching rule wins, and on a tie Allow does; <c>*</c> and a trailing <c>$</c> are the only wildcards.
/// </summary>
public sealed class RobotsTxt
{
    readonly List<(bool Allow, string Pattern)> _rules;

    RobotsTxt(List<(bool, string)> rules) => _rules = rules;

    public static RobotsTxt AllowAll { get; } = new([]);
    public static RobotsTxt DisallowAll { get; } = new([(false, "/")]);

    public static RobotsTxt Parse(string text, string productToken)
    {
        var ours = new List<(bool, string)>();
        var anyone = new List<(bool, string)>();
        var agents = new List<string>();
        var inRules = false;
        var matchedOurs = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                // A user-agent line after rules starts a new group.
                if (inRules) { agents.Clear(); inRules = false; }
                agents.Add(value.ToLowerInvariant());
                continue;
            }
            if (key is not ("allow" or "disallow")) continue;
            inRules = true;
            // "Disallow:" with nothing allows everything; it adds no rule.
            if (value.Length == 0) { matchedOurs |= agents.Contains(productToken); continue; }
            var rule = (key == "allow", value);
            if (agents.Contains(productToken)) { ours.Add(rule); matchedOurs = true; }
            if (agents.Contains("*")) anyone.Add(rule);
        }
        return new RobotsTxt(matchedOurs || ours.Count > 0 ? ours : anyone);
    }

    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery.StartsWith("/robots.txt", StringComparison.Ordinal)) return true;
        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (!Matches(pattern, pathAndQuery)) continue;
            if (pattern.Length > best || (pattern.Length == best && allow)) { best = pattern.Length; allowed = allow; }
        }
        return allowed;
    }

    static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }
        if (!anchored) return true;
        // "$": the match must reach the end; with a wildcard before the last part, try its last occurrence.
        return parts.Length == 1 ? at == path.Length : path.EndsWith(parts[^1], StringComparison.Ordinal) && path.Length - parts[^1].Length >= at - parts[^1].Length;
    }
}
