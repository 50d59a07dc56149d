namespace Hqt.Extraction.Identity;

/// <summary>What a host name says about the site behind it.</summary>
public static class SiteNames
{
    /// <summary>
    /// The name the site registered, the label before its public suffix: <c>google</c> for www.google.co.uk,
    /// <c>rabbitmq</c> for www.rabbitmq.com, <c>tate</c> for anno.tate.org.uk. The common second-level suffixes
    /// (co, com, org, net, gov, ac, edu, ne, or, go) are known; no public-suffix list is read.
    /// </summary>
    public static string Registered(string host)
    {
        var labels = host.Split('.');
        if (labels.Length >= 3 && labels[^2] is "co" or "com" or "org" or "net" or "gov" or "ac" or "edu" or "ne" or "or" or "go") return labels[^3];
        return labels.Length >= 2 ? labels[^2] : host;
    }
}
