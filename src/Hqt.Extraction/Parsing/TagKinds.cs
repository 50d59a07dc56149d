namespace Hqt.Extraction.Parsing;

/// <summary>What the rules need to know of a tag, as flags: read once an element by <see cref="DomIndex"/>.</summary>
/// <remarks>
/// The rules ask set questions of every element ("a block?", "opaque?", "a heading?"); answered with string patterns
/// (<c>tag is "p" or "pre" or …</c>) an inline element failed some forty comparisons on each walk, a third of the walk.
/// </remarks>
[Flags]
enum TagKind : uint
{
    None = 0,
    /// <summary>Text that is not prose and links that are not the article's: script, style, svg, head…</summary>
    Opaque = 1 << 0,
    /// <summary>Readability's block elements: a div holding one is not a paragraph itself.</summary>
    Block = 1 << 1,
    Heading = 1 << 2,
    /// <summary><c>ul</c> and <c>ol</c>.</summary>
    List = 1 << 3,
    Paragraph = 1 << 4,
    Image = 1 << 5,
    ListItem = 1 << 6,
    Input = 1 << 7,
    Embed = 1 << 8,
    Table = 1 << 9,
    /// <summary>Paragraph-like elements whose text scores their ancestors (Readability's "elements to score", less div and h1).</summary>
    Scored = 1 << 10,
    /// <summary>The blocks whose text is the sentence around a link.</summary>
    TextBlock = 1 << 11,
    /// <summary>Dropped from the article whatever they hold: footers, asides, embeds, form controls, navigation.</summary>
    Furniture = 1 << 12,
    /// <summary>Dropped from the article when link-heavy or list-heavy (Readability's conditional cleaning).</summary>
    Conditional = 1 << 13,
}

static class TagKinds
{
    public static TagKind Of(string tag) => tag switch
    {
        "div" => TagKind.Block | TagKind.TextBlock | TagKind.Conditional,
        "p" => TagKind.Block | TagKind.Paragraph | TagKind.Scored | TagKind.TextBlock,
        "a" or "span" or "em" or "strong" or "b" or "i" or "code" or "br" or "sup" => TagKind.None,
        "li" => TagKind.ListItem | TagKind.TextBlock,
        "ul" => TagKind.Block | TagKind.List | TagKind.Conditional,
        "ol" => TagKind.Block | TagKind.List,
        "img" => TagKind.Block | TagKind.Image,
        "h1" => TagKind.Block | TagKind.Heading | TagKind.TextBlock,
        "h2" or "h3" or "h4" or "h5" or "h6" => TagKind.Block | TagKind.Heading | TagKind.Scored | TagKind.TextBlock,
        "table" => TagKind.Block | TagKind.Table | TagKind.Conditional,
        "td" => TagKind.Scored | TagKind.TextBlock,
        "th" or "dd" or "dt" or "figcaption" or "caption" or "body" => TagKind.TextBlock,
        "pre" => TagKind.Block | TagKind.Scored | TagKind.TextBlock,
        "section" => TagKind.Block | TagKind.Scored | TagKind.TextBlock,
        "article" or "blockquote" => TagKind.Block | TagKind.TextBlock,
        "dl" or "header" or "figure" => TagKind.Block,
        "footer" or "aside" or "nav" => TagKind.Block | TagKind.Furniture,
        "form" => TagKind.Block | TagKind.Conditional,
        "fieldset" => TagKind.Conditional,
        "input" => TagKind.Input | TagKind.Furniture,
        "embed" => TagKind.Embed | TagKind.Furniture,
        "object" or "iframe" or "textarea" or "select" => TagKind.Opaque | TagKind.Furniture,
        "button" or "link" => TagKind.Furniture,
        "script" or "style" or "noscript" or "template" or "svg" or "math" or "head" or "canvas" => TagKind.Opaque,
        _ => TagKind.None,
    };
}
