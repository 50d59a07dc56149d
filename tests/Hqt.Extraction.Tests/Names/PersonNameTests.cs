using Hqt.Names;

namespace Hqt.Extraction.Tests.Names;

/// <summary>
/// Over 200 name forms, each checked by hand: the way the name is written | given | family | particle | suffix
/// (empty for none). Every common style: "Last, First", "Last, F. M.", "First Last", "F. M. Last", Vancouver
/// ("Monto AS"), all capitals ("MONTO A. S.", "DUPONT Jean"), BibTeX "Last, Jr., First", particles, suffixes,
/// hyphenated and multi-word family names, CJK.
/// </summary>
public class PersonNameTests
{
    const string Forms = """
        Monto AS | A. S. | Monto | |
        Monto, A. S. | A. S. | Monto | |
        Monto, Arnold S. | Arnold S. | Monto | |
        Arnold S. Monto | Arnold S. | Monto | |
        A. S. Monto | A. S. | Monto | |
        A.S. Monto | A. S. | Monto | |
        MONTO AS | A. S. | Monto | |
        MONTO A. S. | A. S. | Monto | |
        MONTO, A. S. | A. S. | Monto | |
        MONTO Arnold S. | Arnold S. | Monto | |
        Pérez-Higueras JJ | J. J. | Pérez-Higueras | |
        Pérez-Higueras, J. J. | J. J. | Pérez-Higueras | |
        Juan José Pérez-Higueras | Juan José | Pérez-Higueras | |
        PÉREZ-HIGUERAS J.J. | J. J. | Pérez-Higueras | |
        Smith J | J. | Smith | |
        Smith JA | J. A. | Smith | |
        Smith JAB | J. A. B. | Smith | |
        Xynos I D | I. D. | Xynos | |
        Boccaccini A R | A. R. | Boccaccini | |
        van der Waals J D | J. D. | Waals | van der |
        Smith, J. | J. | Smith | |
        Smith, John | John | Smith | |
        Smith, John A. | John A. | Smith | |
        Smith, J.A. | J. A. | Smith | |
        V. Ya. Shtern | V. Ya. | Shtern | |
        Shtern, V. Ya. | V. Ya. | Shtern | |
        A. Yu. Ivanov | A. Yu. | Ivanov | |
        Smith, JA | J. A. | Smith | |
        John Smith | John | Smith | |
        John A. Smith | John A. | Smith | |
        J. A. Smith | J. A. | Smith | |
        J.A. Smith | J. A. | Smith | |
        J Smith | J | Smith | |
        John Adam Smith | John Adam | Smith | |
        SMITH J | J. | Smith | |
        SMITH John | John | Smith | |
        SMITH, John | John | Smith | |
        JOHN SMITH | John | Smith | |
        Dupont J-P | J.-P. | Dupont | |
        Dupont, Jean-Pierre | Jean-Pierre | Dupont | |
        Jean-Pierre Dupont | Jean-Pierre | Dupont | |
        J.-P. Dupont | J.-P. | Dupont | |
        DUPONT Jean-Pierre | Jean-Pierre | Dupont | |
        Dupont, J.-P. | J.-P. | Dupont | |
        Ursula K. Le Guin | Ursula K. | Le Guin | |
        Le Guin, Ursula K. | Ursula K. | Le Guin | |
        Le Guin UK | U. K. | Le Guin | |
        Ursula Le Guin | Ursula | Le Guin | |
        Robert De Niro | Robert | De Niro | |
        De Niro, Robert | Robert | De Niro | |
        Martin Van Buren | Martin | Van Buren | |
        Van Buren, Martin | Martin | Van Buren | |
        Leonardo Da Vinci | Leonardo | Da Vinci | |
        Vincent van Gogh | Vincent | Gogh | van |
        van Gogh, Vincent | Vincent | Gogh | van |
        Gogh, Vincent van | Vincent | Gogh | van |
        van Gogh V | V. | Gogh | van |
        V. van Gogh | V. | Gogh | van |
        Johannes Diderik van der Waals | Johannes Diderik | Waals | van der |
        van der Waals, Johannes Diderik | Johannes Diderik | Waals | van der |
        van der Waals JD | J. D. | Waals | van der |
        J. D. van der Waals | J. D. | Waals | van der |
        Waals, J. D. van der | J. D. | Waals | van der |
        Ludwig van Beethoven | Ludwig | Beethoven | van |
        Beethoven, Ludwig van | Ludwig | Beethoven | van |
        Wernher von Braun | Wernher | Braun | von |
        von Braun, Wernher | Wernher | Braun | von |
        von Braun W | W. | Braun | von |
        Braun, Wernher von | Wernher | Braun | von |
        Juan de la Cruz | Juan | Cruz | de la |
        de la Cruz, Juan | Juan | Cruz | de la |
        de la Cruz J | J. | Cruz | de la |
        Sor Juana Inés de la Cruz | Sor Juana Inés | Cruz | de la |
        Charles de Gaulle | Charles | Gaulle | de |
        de Gaulle, Charles | Charles | Gaulle | de |
        de Gaulle C | C. | Gaulle | de |
        Jean le Rond d'Alembert | Jean le Rond | Alembert | d' |
        d'Alembert, Jean le Rond | Jean le Rond | Alembert | d' |
        d'Alembert J | J. | Alembert | d' |
        Jean d’Ormesson | Jean | Ormesson | d’ |
        Muhammad ibn Musa al-Khwarizmi | Muhammad ibn Musa | Khwarizmi | al- |
        al-Khwarizmi, Muhammad | Muhammad | Khwarizmi | al- |
        Jim al-Khalili | Jim | Khalili | al- |
        al-Khalili J | J. | Khalili | al- |
        Jim Al-Khalili | Jim | Al-Khalili | |
        Al-Khalili, Jim | Jim | Al-Khalili | |
        Paulo dos Santos | Paulo | Santos | dos |
        dos Santos, Paulo | Paulo | Santos | dos |
        dos Santos P | P. | Santos | dos |
        Maria da Silva | Maria | Silva | da |
        da Silva, Maria | Maria | Silva | da |
        da Silva MA | M. A. | Silva | da |
        Luiz Inácio Lula da Silva | Luiz Inácio Lula | Silva | da |
        Giovanni di Lorenzo | Giovanni | Lorenzo | di |
        Piet ter Horst | Piet | Horst | ter |
        Jan ten Brink | Jan | Brink | ten |
        Hugo de Vries | Hugo | Vries | de |
        de Vries H | H. | Vries | de |
        de Vries, Hugo | Hugo | Vries | de |
        Martin Luther King Jr. | Martin Luther | King | | Jr.
        Martin Luther King, Jr. | Martin Luther | King | | Jr.
        King, Martin Luther, Jr. | Martin Luther | King | | Jr.
        King, Jr., Martin Luther | Martin Luther | King | | Jr.
        King ML Jr | M. L. | King | | Jr.
        King ML Jr. | M. L. | King | | Jr.
        John Smith Sr. | John | Smith | | Sr.
        Smith, John, Sr. | John | Smith | | Sr.
        John D. Rockefeller III | John D. | Rockefeller | | III
        Rockefeller, John D., III | John D. | Rockefeller | | III
        Rockefeller, III, John D. | John D. | Rockefeller | | III
        Thurston Howell III | Thurston | Howell | | III
        Adlai Stevenson II | Adlai | Stevenson | | II
        Henry Ford 2nd | Henry | Ford | | 2nd
        Ford, Henry, 2nd | Henry | Ford | | 2nd
        Robert Downey Jr | Robert | Downey | | Jr.
        Gates WH 3rd | W. H. | Gates | | 3rd
        Gabriel García Márquez | Gabriel García | Márquez | |
        García Márquez, Gabriel | Gabriel | García Márquez | |
        García Márquez G | G. | García Márquez | |
        GARCÍA MÁRQUEZ G | G. | García Márquez | |
        Ramón y Cajal, Santiago | Santiago | Ramón y Cajal | |
        Ramón y Cajal S | S. | Ramón y Cajal | |
        Lloyd Webber, Andrew | Andrew | Lloyd Webber | |
        Bonham Carter, Helena | Helena | Bonham Carter | |
        Hélène Carrère d'Encausse | Hélène Carrère | Encausse | d' |
        Wüthrich K | K. | Wüthrich | |
        Kurt Wüthrich | Kurt | Wüthrich | |
        Wüthrich, Kurt | Kurt | Wüthrich | |
        Šali A | A. | Šali | |
        Andrej Šali | Andrej | Šali | |
        Šali, Andrej | Andrej | Šali | |
        Erdős P | P. | Erdős | |
        Paul Erdős | Paul | Erdős | |
        Łukasiewicz J | J. | Łukasiewicz | |
        Jan Łukasiewicz | Jan | Łukasiewicz | |
        Søren Kierkegaard | Søren | Kierkegaard | |
        Kierkegaard, Søren | Søren | Kierkegaard | |
        Ångström AJ | A. J. | Ångström | |
        Dvořák, Antonín | Antonín | Dvořák | |
        Antonín Dvořák | Antonín | Dvořák | |
        Gödel K | K. | Gödel | |
        Kurt Gödel | Kurt | Gödel | |
        Schrödinger, Erwin | Erwin | Schrödinger | |
        Müller-Lüdenscheidt HP | H. P. | Müller-Lüdenscheidt | |
        Hans-Peter Müller-Lüdenscheidt | Hans-Peter | Müller-Lüdenscheidt | |
        Müller-Lüdenscheidt, Hans-Peter | Hans-Peter | Müller-Lüdenscheidt | |
        Conan Doyle, Arthur | Arthur | Conan Doyle | |
        Vaughan Williams R | R. | Vaughan Williams | |
        Smith-Jones, Mary | Mary | Smith-Jones | |
        Mary Smith-Jones | Mary | Smith-Jones | |
        Smith-Jones M | M. | Smith-Jones | |
        Seán O'Brien | Seán | O'Brien | |
        O'Brien, Seán | Seán | O'Brien | |
        O'Brien S | S. | O'Brien | |
        O'BRIEN S | S. | O'Brien | |
        Conor O’Neill | Conor | O’Neill | |
        Ronald McDonald | Ronald | McDonald | |
        McDonald, Ronald | Ronald | McDonald | |
        McDonald R | R. | McDonald | |
        MacArthur, Douglas | Douglas | MacArthur | |
        Douglas MacArthur | Douglas | MacArthur | |
        Andrew Ng | Andrew | Ng | |
        Ng AY | A. Y. | Ng | |
        Ng, Andrew Y. | Andrew Y. | Ng | |
        Xiaoming Wang | Xiaoming | Wang | |
        Wang X | X. | Wang | |
        Wang, Xiaoming | Xiaoming | Wang | |
        WANG Xiaoming | Xiaoming | Wang | |
        LI Wei | Wei | Li | |
        Li W | W. | Li | |
        Zhang Y-P | Y.-P. | Zhang | |
        Kim JH | J. H. | Kim | |
        Kim, Jae-Hyun | Jae-Hyun | Kim | |
        Jae-Hyun Kim | Jae-Hyun | Kim | |
        Nguyen Van A | A. | Nguyen Van | |
        Yamada T | T. | Yamada | |
        Taro Yamada | Taro | Yamada | |
        YAMADA Taro | Taro | Yamada | |
        Yamada, Taro | Taro | Yamada | |
        王小明 | 小明 | 王 | |
        王 小明 | 小明 | 王 | |
        李娜 | 娜 | 李 | |
        欧阳修 | 修 | 欧阳 | |
        司马迁 | 迁 | 司马 | |
        山田太郎 | 太郎 | 山田 | |
        山田 太郎 | 太郎 | 山田 | |
        山田はなこ | はなこ | 山田 | |
        김민수 | 민수 | 김 | |
        김 민수 | 민수 | 김 | |
        남궁민 | 민 | 남궁 | |
        Dr. Jane Doe | Jane | Doe | |
        Prof. Jane Doe | Jane | Doe | |
        Jane Doe, PhD | Jane | Doe | |
        Jane Doe, MD, PhD | Jane | Doe | |
        Doe, Jane, PhD | Jane | Doe | |
        Wm. H. Gates | Wm. H. | Gates | |
        Chas. Darwin | Chas. | Darwin | |
        Darwin C | C. | Darwin | |
        Darwin, C. R. | C. R. | Darwin | |
        Charles Robert Darwin | Charles Robert | Darwin | |
        C. R. Darwin | C. R. | Darwin | |
        CR Darwin | C. R. | Darwin | |
        CB Anfinsen | C. B. | Anfinsen | |
        JA Smith | J. A. | Smith | |
        KIM Jae-Hyun | Jae-Hyun | Kim | |
        J. R. R. Tolkien | J. R. R. | Tolkien | |
        Tolkien, J.R.R. | J. R. R. | Tolkien | |
        Tolkien JRR | J. R. R. | Tolkien | |
        Hamming RW | R. W. | Hamming | |
        Richard W. Hamming | Richard W. | Hamming | |
        Hamming, R.W. | R. W. | Hamming | |
        Jane  Doe | Jane | Doe | |
        "Jane Doe" | Jane | Doe | |
        Jane Doe; | Jane | Doe | |
        Rev. Martin Luther King Jr. | Martin Luther | King | | Jr.
        St. John, Henry | Henry | St. John | |
        Henry St. John | Henry | St. John | |
        Mary Ann Evans | Mary Ann | Evans | |
        Evans, Mary Ann | Mary Ann | Evans | |
        Lovelace, Ada | Ada | Lovelace | |
        Andrew W. Senior | Andrew W. | Senior | |
        Senior, Andrew W. | Andrew W. | Senior | |
        Amartya Kumar Sen | Amartya Kumar | Sen | |
        Kennedy, Joseph P., Jnr | Joseph P. | Kennedy | | Jr.
        """;

    public static TheoryData<string, string, string, string?, string?> Cases()
    {
        var data = new TheoryData<string, string, string, string?, string?>();
        foreach (var line in Forms.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            data.Add(cells[0], cells[1], cells[2], cells[3].Length == 0 ? null : cells[3], cells[4].Length == 0 ? null : cells[4]);
        }
        return data;
    }

    [Fact]
    public void TheTableHoldsTwoHundredForms() => Assert.InRange(Cases().Count, 200, 400);

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachFormSplitsTheRightWayRound(string written, string given, string family, string? particle, string? suffix)
    {
        Assert.True(PersonName.TryParse(written, out var name), $"'{written}' should read as a name");
        Assert.Equal(new PersonName(given, family, particle, suffix), name);
    }

    [Theory]
    [InlineData("et al.")]
    [InlineData("et al")]
    [InlineData("Smith J, et al.")]
    [InlineData("A.")]
    [InlineData("A")]
    [InlineData("J. R.")]
    [InlineData("Editor")]
    [InlineData("Editors")]
    [InlineData("(ed.)")]
    [InlineData("J. Biol. Chem.")]
    [InlineData("Proc. Natl. Acad. Sci.")]
    [InlineData("N. Engl. J. Med.")]
    [InlineData("Phys. Rev. Lett.")]
    [InlineData("World Health Organization")]
    [InlineData("The New York Times")]
    [InlineData("Harvard University")]
    [InlineData("Smith J, Jones K")]
    [InlineData("Jane Doe and John Roe")]
    [InlineData("Jane Doe & John Roe")]
    [InlineData("Plato")]
    [InlineData("Reuters")]
    [InlineData("Staff Writer")]
    [InlineData("Anonymous")]
    [InlineData("jane doe")]
    [InlineData("2019")]
    [InlineData("Smith 2019")]
    [InlineData("https://example.org/jane")]
    [InlineData("jane@example.org")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Wikipedia contributors")]
    [InlineData("Ars Technica Staff")]
    [InlineData("Cosmic Radiation")]
    [InlineData("Molecular Therapeutics")]
    [InlineData("Cosmic Magnetic Fields, Radiation")]
    public void NotOnePersonsName(string text) => Assert.False(PersonName.TryParse(text, out _), $"'{text}' is not one person's name");

    [Theory]
    [InlineData("World Health Organization")]
    [InlineData("Cochrane Collaboration")]
    [InlineData("Bank of England")]
    [InlineData("Centers for Disease Control and Prevention")]
    [InlineData("Intergovernmental Panel on Climate Change")]
    [InlineData("Harvard University")]
    [InlineData("ATLAS Collaboration")]
    [InlineData("Wellcome Trust")]
    public void OrganisationsAreFlaggedAsNotPeople(string text)
    {
        Assert.True(PersonName.IsOrganization(text), text);
        var (authors, _) = AuthorList.Read([text]);
        Assert.Equal(new AuthorList.Literal(text, IsOrganization: true), Assert.Single(authors));
    }

    [Theory]
    [InlineData("Monto AS")]
    [InlineData("Ursula K. Le Guin")]
    [InlineData("Sor Juana Inés de la Cruz")]
    [InlineData("María de los Ángeles García de la Fuente")]
    [InlineData("Jean le Rond d'Alembert")]
    [InlineData("WHO")]
    [InlineData("Emily Post")]
    public void PeopleAreNoOrganisations(string text) => Assert.False(PersonName.IsOrganization(text), text);

    [Fact]
    public void AnAuthorListReadsPeopleOrganisationsLiteralsAndTheCut()
    {
        var (authors, truncated) = AuthorList.Read(["Monto AS", "World Health Organization", "Plato", "M. J. A", "Smith J, et al."]);
        Assert.True(truncated);
        Assert.Equal<AuthorList.Author>(
            [
                new AuthorList.Person(new PersonName("A. S.", "Monto")),
                new AuthorList.Literal("World Health Organization", IsOrganization: true),
                new AuthorList.Literal("Plato", IsOrganization: false),
                new AuthorList.Person(new PersonName("J.", "Smith")),
            ],
            authors);
    }

    [Theory]
    [InlineData("van Gogh, Vincent", "Vincent van Gogh", "van Gogh, Vincent", "V.")]
    [InlineData("King, Martin Luther, Jr.", "Martin Luther King Jr.", "King, Martin Luther, Jr.", "M. L.")]
    [InlineData("d'Alembert, Jean", "Jean d'Alembert", "d'Alembert, Jean", "J.")]
    [InlineData("Jean-Pierre Dupont", "Jean-Pierre Dupont", "Dupont, Jean-Pierre", "J.-P.")]
    [InlineData("Monto AS", "A. S. Monto", "Monto, A. S.", "A. S.")]
    [InlineData("山田 太郎", "山田太郎", "山田, 太郎", "太")]
    public void DisplayInvertedAndInitials(string written, string display, string inverted, string initials)
    {
        var name = PersonName.Parse(written)!.Value;
        Assert.Equal(display, name.Display);
        Assert.Equal(inverted, name.Inverted);
        Assert.Equal(initials, name.Initials);
    }
}
