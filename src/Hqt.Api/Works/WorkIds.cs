namespace Hqt.Api.Works;

/// <summary>Works are named <c>work-12</c> on the wire, as suggestions name them; a bare <c>12</c> is accepted too.</summary>
public static class WorkIds
{
    const string Prefix = "work-";

    public static string Format(long id) => Prefix + id;

    public static long? Parse(string text) =>
        long.TryParse(text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : text, out var id) && id > 0 ? id : null;
}
