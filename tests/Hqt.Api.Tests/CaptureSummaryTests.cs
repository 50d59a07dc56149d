using System.Text.Json;
using Hqt.Api.Captures;
using Hqt.Extraction;

namespace Hqt.Api.Tests;

/// <summary>Lists and searches read a capture's authors and reference count without building its references.</summary>
public class CaptureSummaryTests
{
    [Fact]
    public void SummaryMatchesTheFullExtractWhateverTheOrderOfFields()
    {
        var extract = new PageExtract("T", "https://x.example/a", "X", null, null,
            [new ExtractedAuthor("Ada \"Quoted\" Lovelace", null, "person", ["meta-author"]), new ExtractedAuthor("漢字 名前", "https://x.example/p", "person", [])],
            Enumerable.Range(0, 7).Select(i => new ExtractedReference("webpage", $"Title {i} [with] {{braces}}", [], null, null, null, null, null,
                $"https://x.example/{i}", $"anchor {i}", "context", "link", ["link"], null, null, null, null)).ToList());
        var json = JsonSerializer.Serialize(extract, CaptureJson.Options);

        var (authors, references) = CaptureRow.Summary(json);
        Assert.Equal(7, references);
        Assert.Equal(extract.Authors, authors, (a, b) => a.Name == b.Name && a.Url == b.Url && a.Kind == b.Kind && a.Signals.SequenceEqual(b.Signals));

        // References before authors, and fields this reader does not know, are read all the same.
        var reordered = $$"""{"references":[{"x":[1,{"y":2}]},{}],"future":{"a":[1,2]},"authors":[{"name":"B","url":null,"kind":"person","signals":[]}]}""";
        var (a2, r2) = CaptureRow.Summary(reordered);
        Assert.Equal(2, r2);
        Assert.Equal("B", Assert.Single(a2).Name);
        var (a3, r3) = CaptureRow.Summary("{}");
        Assert.Empty(a3);
        Assert.Equal(0, r3);
    }
}
