namespace Hqt.Extraction.ReferenceStrings;

/// <summary>What a token of a reference string is part of. The order is the model file's label order: append only.</summary>
public enum RefLabel : byte
{
    Other,
    Author,
    Editor,
    Title,
    Container,
    Volume,
    Issue,
    Pages,
    Date,
    Publisher,
    Location,
    Doi,
    Url,
    Isbn,
    Edition,
}

public static class RefLabels
{
    public const int Count = 15;

    public static readonly string[] Names = ["other", "author", "editor", "title", "container", "volume", "issue", "pages", "date", "publisher", "location", "doi", "url", "isbn", "edition"];
}
