using Hqt.Names;

namespace Hqt.Upstream.Tests;

/// <summary>Issue 13: a person is made only from a name-shaped string, and forms of one name merge only on evidence.</summary>
public class NameFormsTests
{
    [Theory]
    [InlineData("Andrej A Romanovsky")]
    [InlineData("Romanovsky AA")]
    [InlineData("Miller W")]
    [InlineData("Schäfer Aguilar, Paloma")]
    [InlineData("Ursula K. Le Guin")]
    [InlineData("María de los Ángeles García de la Fuente")]
    [InlineData("William H. Press")]
    [InlineData("Emily Post")]
    [InlineData("王力")]
    [InlineData("Pazarçeviren A E")]
    public void NamesPass(string name) => Assert.True(NameForms.IsName(name), name);

    [Theory]
    [InlineData("T. et al")]
    [InlineData("T.")]
    [InlineData("Phys")]
    [InlineData("Astrophys")]
    [InlineData("J. Mod")]
    [InlineData("Rev")]
    [InlineData("Cosmic Radiation")]
    [InlineData("exchange-energy density functionalsPhys")]
    [InlineData("Elm programs are trivially made to be stateful")]
    [InlineData("the L.A.-based master neon artist Lisa Schulte")]
    [InlineData("1296")]
    [InlineData("Lina Morgana @KingBeyonceStan")]
    [InlineData("Shasha, Dennis Elliot; Lazere, Cathy A.")]
    [InlineData("Instagram Account")]
    [InlineData("Retrieved")]
    [InlineData("Redaktion")]
    [InlineData("Monthly Review editors")]
    [InlineData("editor of Sing Out!")]
    [InlineData("had published an")]
    [InlineData("A year earlier")]
    public void NonNamesFail(string text) => Assert.False(NameForms.IsName(text), text);

    // Clean's quick paths (text already single-spaced, no "et"/"." in it) must answer as its slow ones do.
    [Theory]
    [InlineData("  Smith,\tJohn  ", "Smith, John")]
    [InlineData("Jane  Q.\u00a0Public", "Jane Q. Public")]
    [InlineData("Peter Bennet ET AL.", "Peter Bennet")]
    [InlineData("Peter Bennet Et al", "Peter Bennet")]
    [InlineData("Bennet, Peter", "Bennet, Peter")]
    [InlineData("(Marie Curie)", "Marie Curie")]
    [InlineData("Dr. Jean-Paul Sartre", "Dr. Jean-Paul Sartre")]
    [InlineData("Ann Smith, smith-lab.org", null)]
    [InlineData("Ann Smith www.annsmith", null)]
    [InlineData("Ann Smith, Journal", null)]
    public void CleanRepairsSpacingAndCutsWhatFollowsEtAl(string raw, string? clean) => Assert.Equal(clean, NameForms.Clean(raw));

    [Theory]
    [InlineData("Dr. Jean-Paul Sartre", "sartre", "JP")]
    [InlineData("by Jean-Paul Sartre", "sartre", "JP")]
    [InlineData("Prof. Dr. Ursula K. Le Guin", "leguin", "UK")]
    [InlineData("van der Berg, J.-P. A.", "vanderberg", "JPA")]
    public void ReadDropsHonorificsAndLabelsAndKeepsHyphenatedInitials(string name, string family, string initials)
    {
        var parts = NameForms.Read(name);
        Assert.NotNull(parts);
        Assert.Equal(family, parts.Value.Family);
        Assert.Equal(initials, parts.Value.Initials);
    }

    [Fact]
    public void CreditsAreRepairedWhereTheyCanBe()
    {
        Assert.Equal(["P. Hohenberg"], NameForms.People("P. Hohenberg et al.Inhomogeous Electron GasPhys"));
        Assert.Equal(["Shasha, Dennis Elliot", "Lazere, Cathy A."], NameForms.People("Shasha, Dennis Elliot; Lazere, Cathy A."));
        Assert.Empty(NameForms.People("N. et al"));
    }

    [Theory]
    [InlineData("AA Romanovsky", "romanovsky", "AA")]
    [InlineData("Romanovsky AA", "romanovsky", "AA")]
    [InlineData("Andrej A Romanovsky", "romanovsky", "AA")]
    [InlineData("Romanovsky, Andrej A.", "romanovsky", "AA")]
    [InlineData("Pazarçeviren A E", "pazarceviren", "AE")]
    [InlineData("Ursula K. Le Guin", "le guin", "UK")]
    public void FormsReadAsFamilyAndInitials(string name, string family, string initials)
    {
        var parts = NameForms.Read(name)!.Value;

        Assert.Equal(family.Replace(" ", ""), parts.Family);
        Assert.Equal(initials, parts.Initials);
    }

    [Theory]
    [InlineData("Monto AS", "Monto, A. S.", "A. S. Monto", "Monto, Arnold S.")]
    [InlineData("van der Waals JD", "van der Waals, J. D.", "Johannes Diderik van der Waals", "J. D. van der Waals")]
    [InlineData("Le Guin UK", "Ursula K. Le Guin", "Le Guin, Ursula K.", "U. K. Le Guin")]
    [InlineData("DUPONT Jean", "Dupont, J.", "Jean Dupont", "J. Dupont")]
    public void EveryStyleOfOneNameReadsAsOneForm(params string[] forms)
    {
        // The name model's reading (Hqt.Names.PersonName): family name with its particle, and the given initials.
        var parts = forms.Select(f => NameForms.Read(f)!.Value).ToList();
        Assert.All(parts, p => Assert.Equal(parts[0].Family, p.Family));
        Assert.All(parts, p => Assert.True(NameForms.Compatible(parts[0], p), $"{parts[0]} ~ {p}"));
    }

    [Theory]
    [InlineData("王力")]
    [InlineData("山田 太郎")]
    public void ACjkNameIsOneFormWhoseGivenNameIsNotCompared(string name)
    {
        var parts = NameForms.Read(name)!.Value;
        Assert.Equal("", parts.Initials);
        Assert.False(NameForms.Compatible(parts, NameForms.Read(name[0] + "明")!.Value));
    }

    [Theory]
    [InlineData("Collins, Michael", "Michael Collins")]
    [InlineData("Monto AS", "A. S. Monto")]
    [InlineData("King, Martin Luther, Jr.", "Martin Luther King Jr.")]
    [InlineData("Emily Post", "Emily Post")]
    [InlineData("U.S. Census Bureau", "U.S. Census Bureau")]
    [InlineData("Ministry of Health, Labour and Welfare", "Ministry of Health, Labour and Welfare")]
    public void ReasonsShowNamesAsTheModelReadsThem(string name, string display) => Assert.Equal(display, PersonNames.Display(name));

    [Theory]
    [InlineData("Collins, Michael", "michaelcollins")]
    [InlineData("Michael Collins", "michaelcollins")]
    [InlineData("Monto AS", "montoas")]
    public void KeysAreTheLettersAsWrittenAndNeverMove(string name, string key) => Assert.Equal(key, PersonNames.Normalize(name));

    [Fact]
    public void CompatibleInitialsExtendEachOther()
    {
        Assert.True(NameForms.Compatible(NameForms.Read("J Lipton")!.Value, NameForms.Read("JM Lipton")!.Value));
        Assert.False(NameForms.Compatible(NameForms.Read("JR Lipton")!.Value, NameForms.Read("JM Lipton")!.Value));
        Assert.True(NameForms.SameFamilyAndInitial("Olah, Chris", "Chris Olah"));
        Assert.False(NameForms.SameFamilyAndInitial("Xu", "Jiewei Xu"));
    }
}

/// <summary>Issue 13: the people the ranker names are people, one per person.</summary>
public class PeopleFormsTests
{
    static WorkNode Capture(string id, string author, params string[] references) => new(id, $"Capture {id}", 2020, [author], references);

    static WorkNode Work(string id, string title, params string[] authors) => new(id, title, 2000, authors, null);

    [Fact]
    public void NameFormsOfOnePersonWithACoAuthorInCommonMerge()
    {
        var graph = new ReaderGraph(
            [Capture("page", "Ann Reader", "w1", "w2")],
            [Work("w1", "Fever and the preoptic area", "AA Romanovsky", "N Sugimoto"), Work("w2", "Hypothermia in endotoxin shock", "Romanovsky AA", "Sugimoto N")]);

        var people = UpstreamRanker.Rank(graph, new RankOptions()).People;

        var romanovsky = Assert.Single(people, p => p.Name.Contains("Romanovsky"));
        Assert.Equal(2, romanovsky.WorkIds.Count);
    }

    [Fact]
    public void SameInitialsWithNothingInCommonStayApart()
    {
        var graph = new ReaderGraph(
            [Capture("a", "Ann Reader", "w1"), Capture("b", "Bob Reader", "w2")],
            [Work("w1", "Grain yields in drought years", "Y Zhang", "K Ito"), Work("w2", "Quantum dots for imaging", "YL Zhang", "P Moss")]);

        var people = UpstreamRanker.Rank(graph, new RankOptions()).People;

        Assert.Equal(2, people.Count(p => p.Name.Contains("Zhang")));
    }

    [Fact]
    public void AnUnderWrittenFormCitedBesideOneFullerFormIsThatPerson()
    {
        var graph = new ReaderGraph(
            [Capture("page", "Ann Reader", "w1", "w2")],
            [Work("w1", "Effects of preoptic lesions on heat-escape responding", "J Lipton"), Work("w2", "Effects of brainstem lesions on temperature", "JM Lipton", "DE Fossler")]);

        var people = UpstreamRanker.Rank(graph, new RankOptions()).People;

        Assert.Single(people, p => p.Name.Contains("Lipton"));
    }

    [Fact]
    public void JunkAuthorsNeverBecomePeople()
    {
        var graph = new ReaderGraph(
            [Capture("page", "Ann Reader", "w1")],
            [Work("w1", "Phys. Rev. 82", "T. et al", "Phys", "Astrophys", "Cosmic Radiation", "Ada Lovelace")]);

        var people = UpstreamRanker.Rank(graph, new RankOptions()).People;

        Assert.Equal(["Ada Lovelace"], people.Select(p => p.Name));
    }

    [Fact]
    public void AWorkKnownOnlyByItsAddressYieldsToATitledOneOnEqualEvidence()
    {
        var graph = new ReaderGraph(
            [Capture("page", "Ann Reader", "https-only", "titled")],
            [new WorkNode("https-only", null, 1950, [], null), new WorkNode("titled", "A titled work", 2015, [], null)]);

        var works = UpstreamRanker.Rank(graph, new RankOptions()).Works;

        Assert.Equal(["titled", "https-only"], works.Select(w => w.Id));
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("欧阳娜娜")]
    [InlineData("山田太郎")]
    [InlineData("김민준")]
    public void AChineseJapaneseOrKoreanNameIsOnePersonOfTheGraph(string name) =>
        Assert.Equal([name], NameForms.People(name));

    [Fact]
    public void DifferentCjkNamesAreDifferentPeople()
    {
        // No spaces, so no initials: two names sharing a family character are not forms of one person.
        Assert.NotEqual(PersonNames.Key("王小明"), PersonNames.Key("王力"));
        Assert.NotEqual(PersonNames.Key("李华"), PersonNames.Key("张伟"));
    }
}
