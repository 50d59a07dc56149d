using Hqt.Extraction.ReferenceStrings;
using Hqt.RefParse.Train;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// The trainer's physics-style journal renderings (tools/Hqt.RefParse.Train/Augmentation.cs): deterministic, only from items
/// that have every field they write, about half without their title, and labelled by the same alignment as the data (every gold field found).
/// </summary>
public class RefTrainAugmentationTests
{
    static LabelledReference Item(string id, string text, List<string> authors, string? title, string? container, string? volume, string? pages, int? year) =>
        new(id, "train", text, new Gold(authors, [], title, year, container, volume, null, pages, null, null, null, null, null));

    static List<LabelledReference> Items() =>
    [
        .. Enumerable.Range(0, 40).Select(i => Item($"a{i}",
            $"Okafor, N. C., Lindqvist, B. and Marchetti, P. (20{i % 20:00}). Seasonal drift of soil microbes. Journal of Mountain Ecology, {i + 3}(4), {100 + i}–{120 + i}.",
            ["Okafor", "Lindqvist", "Marchetti"], "Seasonal drift of soil microbes", "Journal of Mountain Ecology", $"{i + 3}", $"{100 + i}–{120 + i}", 2000 + i % 20)),
        Item("no-volume", "Okafor, N. (2014). A title. Journal of Mountain Ecology, 212–229.", ["Okafor"], "A title", "Journal of Mountain Ecology", null, "212–229", 2014),
        Item("no-authors", "A title. Journal of Mountain Ecology, 31, 212–229 (2014).", [], "A title", "Journal of Mountain Ecology", "31", "212–229", 2014),
        Item("no-year", "Okafor, N. A title. Journal of Mountain Ecology, 31, 212–229.", ["Okafor"], "A title", "Journal of Mountain Ecology", "31", "212–229", null),
    ];

    [Fact]
    public void WritesAboutHalfOfTheEligibleItemsTheSameWayEveryTime()
    {
        var first = Augmentation.Generate(Items(), 7);
        var again = Augmentation.Generate(Items(), 7);

        Assert.Equal(first.Select(a => a.Text), again.Select(a => a.Text));
        Assert.InRange(first.Count, 10, 30);
        Assert.All(first, a => Assert.StartsWith("a", a.Id));   // never an item that lacks a volume, authors or a year
    }

    [Fact]
    public void RendersMostlyWithoutTitleAndKeepsEveryGoldFieldInTheText()
    {
        var made = Augmentation.Generate(Items(), 7);
        Assert.InRange(made.Count(a => a.Gold.Title is null), made.Count / 4, made.Count * 3 / 4);
        foreach (var a in made)
        {
            Assert.Equal(a.Gold.Title is not null, a.Text.Contains("Seasonal drift"));
            Assert.Contains(a.Gold.Container!, a.Text);
            Assert.Contains(a.Gold.Pages!, a.Text);
            Assert.Contains(a.Gold.Year!.Value.ToString(), a.Text);
            Assert.All(a.Gold.Authors, f => Assert.Contains(f, a.Text, StringComparison.OrdinalIgnoreCase));

            var tokens = RefTokenizer.Tokenize(a.Text);
            var found = new int[RefLabels.Count];
            var wanted = new int[RefLabels.Count];
            var labels = Alignment.Align(a.Text, tokens, a.Gold, found, wanted);
            Assert.Equal(wanted, found);   // the alignment finds every field the generator wrote
            Assert.Equal(a.Gold.Title is not null, labels.Contains(RefLabel.Title));
            Assert.Equal(RefLabel.Author, labels[tokens.FindIndex(t => !t.Text.StartsWith('['))]);
        }
    }

    [Fact]
    public void AbbreviatesTheJournalMostOfTheTime()
    {
        var journals = Augmentation.Generate(Items(), 7).Select(a => a.Gold.Container!).ToList();

        // ISO 4 words ("Journal" → "J."), other long words cut after their first syllable, "of" dropped; the full name or
        // the acronym now and then.
        Assert.True(journals.Count(j => j == "J. Mount. Ecol.") > journals.Count / 2, string.Join(" | ", journals));
        Assert.All(journals, j => Assert.Contains(j, new[] { "J. Mount. Ecol.", "Journal of Mountain Ecology", "JME" }));
    }

    /// <summary>Journal articles with every field a rendering takes (a title, numbers, a year), told apart by their number.</summary>
    static List<LabelledReference> JournalArticles(int count) =>
        Enumerable.Range(0, count).Select(i => Item($"j{i}", $"Okafor, N. (2014). A title {i}. Journal of Mountain Ecology, {i + 3}(4), {100 + i}–{120 + i}.",
            ["Okafor"], $"A title {i}", "Journal of Mountain Ecology", $"{i + 3}", $"{100 + i}–{120 + i}", 2014)).ToList();

    /// <summary>A rendering's tokens and labels, every gold field it wrote found by the alignment.</summary>
    static (List<RefToken> Tokens, RefLabel[] Labels) AlignedWhole(LabelledReference a)
    {
        var tokens = RefTokenizer.Tokenize(a.Text);
        var found = new int[RefLabels.Count];
        var wanted = new int[RefLabels.Count];
        var labels = Alignment.Align(a.Text, tokens, a.Gold, found, wanted);
        Assert.True(wanted.SequenceEqual(found), a.Text);
        return (tokens, labels);
    }

    [Fact]
    public void TheChineseAndJapaneseRenderingsAreDeterministicAndTheAlignmentFindsEveryFieldTheyWrite()
    {
        var items = JournalArticles(400);
        var made = CjkAugmentation.Generate(items, 7);

        Assert.Equal(made.Select(a => a.Text), CjkAugmentation.Generate(items, 7).Select(a => a.Text));
        Assert.InRange(made.Count, 16, 50);   // about 8 %
        foreach (var a in made)
        {
            Assert.Equal(ReferenceParser.PrepareAsLabelled(a.Text), a.Text);   // written as training reads it
            Assert.True(CjkText.HasHanOrKana(a.Gold.Title), a.Text);
            var (tokens, labels) = AlignedWhole(a);
            if (a.Gold.Authors.Count > 0) Assert.Equal(RefLabel.Author, labels[tokens.FindIndex(t => !t.Text.StartsWith('['))]);
        }
    }

    [Fact]
    public void TheOrganisationRenderingsAreDeterministicAndTheirBylineIsLabelledAuthorNotPublisher()
    {
        var items = JournalArticles(400);
        var made = OrganisationAugmentation.Generate(items, 7);

        Assert.Equal(made.Select(a => a.Text), OrganisationAugmentation.Generate(items, 7).Select(a => a.Text));
        Assert.InRange(made.Count, 12, 40);   // about 6 %
        foreach (var a in made)
        {
            var author = Assert.Single(a.Gold.Authors);
            Assert.True(Hqt.Names.PersonName.IsOrganization(author) || author.Split(' ').Length == 1, author);
            var (tokens, labels) = AlignedWhole(a);
            // The organisation often publishes itself too: its byline is the author's, the name after the title the publisher's.
            var first = tokens.FindIndex(t => !char.IsDigit(t.Text[0]) && !t.Text.StartsWith('['));
            Assert.Equal(RefLabel.Author, labels[first]);
        }
    }

    [Fact]
    public void APublisherNamedInTheBylineToo()
    {
        var text = "The Boston Consulting Group. Perspectives on Corporate Strategy. Boston: The Boston Consulting Group, 1968.";
        var gold = new Gold(["The Boston Consulting Group"], [], "Perspectives on Corporate Strategy", 1968, null, null, null, null,
            "The Boston Consulting Group", "Boston", null, null, null);
        var tokens = RefTokenizer.Tokenize(text);

        var labels = Alignment.Align(text, tokens, gold, new int[RefLabels.Count], new int[RefLabels.Count]);

        Assert.Equal("aaaaTTTTLPPPPD", string.Concat(labels.Select(l => l switch
        {
            RefLabel.Author => 'a', RefLabel.Title => 'T', RefLabel.Location => 'L', RefLabel.Publisher => 'P', RefLabel.Date => 'D', _ => '?',
        })));
    }
}
