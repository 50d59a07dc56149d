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

    /// <summary>The host without a leading <c>www.</c>: the site's own name for itself.</summary>
    public static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    /// <summary>
    /// A host with no place on the public web: a single DNS label (<c>localhost</c>, a tutorial's <c>3pp</c> or
    /// <c>remotestorage</c>, an intranet's <c>wiki</c>). IP literals are not judged here.
    /// </summary>
    public static bool IsUnqualified(Uri uri) => uri.HostNameType == UriHostNameType.Dns && !uri.Host.Contains('.');

    // Platforms whose front page is a sign-in or a feed: what a "follow us" row or "the company owns Instagram" links to.
    static readonly HashSet<string> Platforms = new(StringComparer.OrdinalIgnoreCase)
    {
        "instagram.com", "facebook.com", "twitter.com", "x.com", "linkedin.com", "youtube.com", "tiktok.com", "pinterest.com",
        "reddit.com", "tumblr.com", "threads.net", "bsky.app", "snapchat.com", "whatsapp.com", "telegram.org", "t.me", "vk.com",
        "weibo.com", "flickr.com", "medium.com", "substack.com", "discord.com", "twitch.tv",
    };

    /// <summary>The front page of a social platform (<c>https://www.instagram.com/</c>, <c>m.facebook.com</c>): a place, not a work.</summary>
    public static bool IsPlatformFrontPage(Uri uri)
    {
        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 1) return false;
        var host = WithoutWww(uri.Host);
        return Platforms.Contains(host.StartsWith("m.", StringComparison.OrdinalIgnoreCase) ? host[2..] : host);
    }
}
