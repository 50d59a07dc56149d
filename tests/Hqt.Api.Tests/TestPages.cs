namespace Hqt.Api.Tests;

/// <summary>Small, real-looking pages for the API tests.</summary>
public static class TestPages
{
    public static string Article(string title = "On reading upstream", string author = "Ada Example", string body = "Read the people who inspired them.") => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{title} | Example Blog</title>
        <meta name="author" content="{author}"></head>
        <body><header><nav><a href="/">Home</a></nav></header>
        <article><h1>{title}</h1><p>{body} See <a href="https://example.org/essay">the essay</a>.</p></article>
        </body></html>
        """;

    public static object Capture(string url = "https://blog.example.com/post", string? html = null, string? title = null) =>
        new { url, html = html ?? Article(), title };
}
