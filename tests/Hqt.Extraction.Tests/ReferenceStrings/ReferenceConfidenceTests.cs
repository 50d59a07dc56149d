using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// The parse's confidence as a function of the labels and their margins (ReferenceParser.Confidence, its weights fitted by
/// tools/Hqt.RefParse.Train/calibrate_confidence.py): what it must say whatever the fitted numbers.
/// </summary>
public class ReferenceConfidenceTests
{
    static (RefLabel[] Labels, float[] Margins) Parse(string labels, float peopleMargin, float otherMargin = 300)
    {
        var parsed = labels.Split(' ').Select(c => c switch
        {
            "a" => RefLabel.Author, "e" => RefLabel.Editor, "t" => RefLabel.Title, "c" => RefLabel.Container, "d" => RefLabel.Date,
            "v" => RefLabel.Volume, "p" => RefLabel.Pages, _ => RefLabel.Other,
        }).ToArray();
        return (parsed, parsed.Select(l => l is RefLabel.Author or RefLabel.Editor ? peopleMargin : otherMargin).ToArray());
    }

    static double Confidence(string labels, float peopleMargin, float otherMargin = 300)
    {
        var (l, m) = Parse(labels, peopleMargin, otherMargin);
        return ReferenceParser.Confidence(l, m);
    }

    [Fact]
    public void ATitleLessJournalReferenceWithSureNamesIsConfident()
    {
        // "Okafor N., Lindqvist B., 2015, MNRAS, 448, 568": people, date, journal, volume, pages; no title.
        Assert.True(Confidence("a a a a d c v p", 400) >= ParsedReference.ConfidentAt);
    }

    [Fact]
    public void AnEditedBookCountsItsEditorsAsItsPeople()
    {
        Assert.True(Confidence("e e e o t t t o o d", 400) >= ParsedReference.ConfidentAt);
    }

    [Fact]
    public void NeitherPeopleNorTitleNorContainerIsUnsure()
    {
        Assert.True(Confidence("o o o o", 0, 20) < ParsedReference.ConfidentAt);
        Assert.True(Confidence("o o d o", 0, 20) < ParsedReference.ConfidentAt);
    }

    [Fact]
    public void WiderMarginsOnThePeopleOrTheTitleNeverLowerIt()
    {
        var narrow = Confidence("a a t t t c v p d", 5);
        var wide = Confidence("a a t t t c v p d", 500);
        Assert.True(wide > narrow, $"{narrow} -> {wide}");
        var (labels, margins) = Parse("a a t t t c v p d", 300);
        var before = ReferenceParser.Confidence(labels, margins);
        margins[2] = 5;   // one title word barely a title
        Assert.True(ReferenceParser.Confidence(labels, margins) < before);
    }

    [Fact]
    public void ItIsAProbability()
    {
        foreach (var labels in new[] { "o", "a", "t", "a t c d v p", "e e t c" })
            foreach (var margin in new[] { -50f, 0f, 1f, 100f, 10_000f })
            {
                var c = Confidence(labels, margin, margin);
                Assert.InRange(c, 0, 1);
            }
    }
}
