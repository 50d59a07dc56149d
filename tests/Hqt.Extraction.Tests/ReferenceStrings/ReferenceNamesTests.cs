using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>The step from a labelled author span to people, on every way styles write names.</summary>
public class ReferenceNamesTests
{
    static string People(string span, out bool etAl) =>
        string.Join(" | ", ReferenceNames.Split(span, out etAl).Select(p => $"{p.Given ?? "-"} / {p.Family}"));

    [Theory]
    [InlineData("Summerhill, William.", "William / Summerhill")]
    [InlineData("Carter, S. B.,", "S. B. / Carter")]
    [InlineData("Knospe, H., and Pohl, H.", "H. / Knospe | H. / Pohl")]
    [InlineData("Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA.", "J. J. / Pérez-Higueras | A. / Arias | J. C. / de la Macorra | O. A. / Peters")]
    [InlineData("U. Kremer, H. Zima, H.-J. Bast, and M. Gerndt.", "U. / Kremer | H. / Zima | H.-J. / Bast | M. / Gerndt")]
    [InlineData("Allen J. Knight.", "Allen J. / Knight")]
    [InlineData("LI J, WU XY.", "J. / Li | X. Y. / Wu")]
    [InlineData("Kearse LA, Jr., Manberg P.", "L. A. / Kearse | P. / Manberg")]
    [InlineData("van der Berg, Anna & Smith, John", "Anna / van der Berg | John / Smith")]
    [InlineData("World Health Organization.", "- / World Health Organization")]
    // An organisation whose name holds its own "and" or commas is one; people, or two organisations in full, stay apart.
    [InlineData("Food and Agriculture Organization of the United Nations.", "- / Food and Agriculture Organization of the United Nations")]
    [InlineData("National Academies of Sciences, Engineering, and Medicine.", "- / National Academies of Sciences, Engineering, and Medicine")]
    [InlineData("U.S. Food and Drug Administration.", "- / U.S. Food and Drug Administration")]
    [InlineData("Ministry of Health, Labour and Welfare", "- / Ministry of Health, Labour and Welfare")]
    [InlineData("Bill & Melinda Gates Foundation", "- / Bill & Melinda Gates Foundation")]
    [InlineData("Harvard University and Stanford University", "- / Harvard University | - / Stanford University")]
    [InlineData("Smith, John and the World Bank", "John / Smith | - / the World Bank")]
    [InlineData("Smith J, Jones K, World Health Organization", "J. / Smith | K. / Jones | - / World Health Organization")]
    // A long run joined by "of", "for", "the" with no word only organisations carry is a title taken for a byline: no one.
    [InlineData("Technical Guidance Manual for the Implementation of the Hawaii State Contingency Plan.", "")]
    [InlineData("International Union for Conservation of Nature and Natural Resources (IUCN)", "- / International Union for Conservation of Nature and Natural Resources (IUCN)")]
    [InlineData("Goss DL. Moore JH.", "D. L. / Goss | J. H. / Moore")]
    [InlineData("Bach, PB, Jett, JR, Pastorino, U", "P. B. / Bach | J. R. / Jett | U. / Pastorino")]
    [InlineData("Хомская Е.Д., Батова Н.Я.", "Е. Д. / Хомская | Н. Я. / Батова")]
    [InlineData("Ş. Erkoç", "Ş. / Erkoç")]
    [InlineData("St. John, P., and St. Clair, R. M.", "P. / St. John | R. M. / St. Clair")]
    [InlineData("SHİNER, A. and ÖZTÜRK, B.", "A. / Shiner | B. / Öztürk")]
    [InlineData("L. R. Sochet, N. V. HAÏ", "L. R. / Sochet | N. V. / Haï")]
    // French lists' initials in brackets after the family name close their person, with or without a comma after them.
    [InlineData("Serneels (V.), Folletete (Chr.), Jacquemin-Verguet (Cl.),", "V. / Serneels | Chr / Folletete | Cl. / Jacquemin-Verguet")]
    [InlineData("BRUN (J.-P.), CONGÈS (G.).", "J.-P. / Brun | G. / Congès")]
    [InlineData("Prost (B.) Bougenot (S.),", "B. / Prost | S. / Bougenot")]
    [InlineData("Inka Mülder-Bach, Gerhard Neumann (Hgg.):", "Inka / Mülder-Bach | Gerhard / Neumann")]
    // Russian initials transliterated with two letters: one initial each, in either case; Vancouver's "SH." stays two.
    [InlineData("Ivanov A. Yu., Petrov B. Zh.", "A. Yu. / Ivanov | B. Zh. / Petrov")]
    [InlineData("V. YA. SHTERN et YU. A. KOLBANOVSKII", "V. Ya. / Shtern | Yu. A. / Kolbanovskii")]
    [InlineData("Kats, Ya.G. and Fel'dman,V.I.", "Ya. G. / Kats | V. I. / Fel'dman")]
    [InlineData("Tsai WC, Chiou HY, Tsai SH.", "W. C. / Tsai | H. Y. / Chiou | S. H. / Tsai")]
    // Short capital family names before dotted initials (ABNT's all-capital bylines); Vancouver runs stay initials.
    [InlineData("LI, J.; WU, X. Y.; HE, Z.", "J. / Li | X. Y. / Wu | Z. / He")]
    [InlineData("XU, M., MA, L.", "M. / Xu | L. / Ma")]
    // The family name in capitals first (French and Chinese bylines); Vancouver's capitals after the family name stay initials.
    [InlineData("DUPONT Jean-Paul, MARTIN Paul", "Jean-Paul / Dupont | Paul / Martin")]
    [InlineData("LE GOFF Jacques et GAÏTI Brigitte", "Jacques / le Goff | Brigitte / Gaïti")]
    [InlineData("LIU Wei, CHEN Hong", "Wei / Liu | Hong / Chen")]
    [InlineData("PEREZ JJ, SMITH J.", "J. J. / Perez | J. / Smith")]
    // ABNT's particle after the initials belongs to the family name.
    [InlineData("SILVA, J. P. da; SOUZA, M. A. de.", "J. P. / da Silva | M. A. / de Souza")]
    // A word in lower case the tagger took for a name is no one; a particle may open a family name in lower case.
    [InlineData("Soderbergh, Steven, director", "Steven / Soderbergh")]
    [InlineData("Weissman D, Karikó K, mRNA", "D. / Weissman | K. / Karikó")]
    [InlineData("d’Izernore, J., al-Rushayd, M.", "J. / d’Izernore | M. / al-Rushayd")]
    // Organisations whose names read as initials in capitals ("DA", "DE") are organisations in any language.
    [InlineData("ORGANIZAÇÃO MUNDIAL DA SAÚDE.", "- / ORGANIZAÇÃO MUNDIAL DA SAÚDE")]
    // Initials and capitals come out as the shared name model (Names/PersonName) writes them: "JJ" is "J. J.".
    public void SplitsEveryStyle(string span, string expected)
    {
        Assert.Equal(expected, People(span, out _));
    }

    [Fact]
    public void EtAlIsAFlagNeverAName()
    {
        Assert.Equal("S. B. / Carter", People("Carter, S. B. et al.", out var etAl));
        Assert.True(etAl);
        Assert.Equal("T. / Moore", People("Moore, T., [et al.]", out etAl));
        Assert.True(etAl);
        Assert.Equal("W. H. / Okafor", People("Okafor, W. H. & Others.", out etAl));
        Assert.True(etAl);
    }

    [Theory]
    [InlineData("Reinke, C., … Elgin, S. C. R.")]
    [InlineData("Reinke, C., ... Elgin, S. C. R.")]
    [InlineData("Reinke, C., ... & Elgin, S. C. R.")]
    public void AnElidedBylineLeavesPeopleOutAndNamesTheLastWhole(string span)
    {
        // APA writes the first names, an ellipsis, then the last: people are left out, and "… Elgin" was a family name.
        Assert.Equal("C. / Reinke | S. C. R. / Elgin", People(span, out var etAl));
        Assert.True(etAl);
    }

    [Theory]
    [InlineData("ABBADI, Kamel. FUMERON, Véronique.", "Kamel / Abbadi | Véronique / Fumeron")]
    [InlineData("MORASZ, Laurent. PERRIN-NIQUET, Annick. VEROT, Jean-Pierre.", "Laurent / Morasz | Annick / Perrin-Niquet | Jean-Pierre / Verot")]
    // Initials first, the stop and the comma the other way round; the Czech style's given names after the first person.
    [InlineData("J. SMITH, A. JONES", "J. / Smith | A. / Jones")]
    [InlineData("GENOVESE, Mark C., Gregory S. CAMERON, Daniel BRAUN", "Mark C. / Genovese | Gregory S. / Cameron | Daniel / Braun")]
    // Family name, comma, initials and a stop, in any case; the same marks in other styles stay theirs.
    [InlineData("Ferguson, JN. Aldag, JM. Insel, TR. Young, LJ.", "J. N. / Ferguson | J. M. / Aldag | T. R. / Insel | L. J. / Young")]
    [InlineData("Smith, J. A. Jones, K.", "J. A. / Smith | K. / Jones")]
    [InlineData("G. Nowak, B. Szewczyk, A. Pilc", "G. / Nowak | B. / Szewczyk | A. / Pilc")]
    [InlineData("FRIDMAN, J. S., P. A. SCHERLE, R. COLLINS, T. C. BURN", "J. S. / Fridman | P. A. / Scherle | R. / Collins | T. C. / Burn")]
    public void AnIso690StopEndsAPerson(string span, string expected) =>
        Assert.Equal(expected, People(span, out _));

    [Theory]
    [InlineData("Rodin, R. Scott", "R. Scott / Rodin")]
    [InlineData("Clinton, J. Robert and Richard W. Clinton", "J. Robert / Clinton | Richard W. / Clinton")]
    // Inverted first, then initials first; a stray numeral for the initials.
    [InlineData("Erisman, A. Bleeker, A. Hensen, and A. Vermeulen", "- / Erisman | A. / Bleeker | A. / Hensen | A. / Vermeulen")]
    [InlineData("Saheb, H. and Ahmed, II", "H. / Saheb | - / Ahmed")]
    public void APersonWhoGoesByTheMiddleNameIsOne(string span, string expected) =>
        Assert.Equal(expected, People(span, out _));

    [Theory]
    [InlineData("Our Global Neighborhood", "")]
    // An organisation keeps its article, before its name or after it.
    [InlineData("The World Bank", "- / The World Bank")]
    [InlineData("Beatles, The", "The / Beatles")]
    public void ATitlesOpeningWordsAreNoPerson(string span, string expected) =>
        Assert.Equal(expected, People(span, out _));

    [Theory]
    [InlineData("SOUZA, Maria Aparecida de.", "Maria Aparecida / de Souza")]
    [InlineData("SILVA, João da; SANTOS, Ana Paula.", "João / da Silva | Ana Paula / Santos")]
    [InlineData("SILVA, Antônio Carlos Ribeiro da.", "Antônio Carlos Ribeiro / da Silva")]
    [InlineData("Saussure, Ferdinand de", "Ferdinand / de Saussure")]
    // Three given names and no particle are no one person's.
    [InlineData("Smith, John Paul George", "- / Smith | John Paul / George")]
    public void AParticleAfterTheGivenNamesIsTheFamilyNames(string span, string expected) =>
        Assert.Equal(expected, People(span, out _));

    [Theory]
    [InlineData("Eco, Umberto (a cura di).", "Umberto / Eco")]
    [InlineData("Rossi, M. (a cura", "M. / Rossi")]
    [InlineData("Bianchi, Lucia, a cura di", "Lucia / Bianchi")]
    public void AnItalianEditorsMarkIsNoOne(string span, string expected) =>
        Assert.Equal(expected, People(span, out _));

    [Theory]
    [InlineData("Ortega y Gasset, J.", "J. / Ortega y Gasset")]
    [InlineData("Ramón y Cajal, S.; Golgi, C.", "S. / Ramón y Cajal | C. / Golgi")]
    [InlineData("Lopes, A., Sousa e Silva, M.", "A. / Lopes | M. / Sousa e Silva")]
    [InlineData("López, Juan y Pérez, María", "Juan / López | María / Pérez")]
    public void AnIberianFamilyNameKeepsItsConjunction(string span, string expected) =>
        Assert.Equal(expected, People(span, out _));

    [Fact]
    public void ARoleInBracketsIsNoOneAndAHandleInSquareBracketsNoEtAl()
    {
        Assert.Equal("S. / Harris", People("Harris, S. (Host).", out var etAl));
        Assert.False(etAl);
        Assert.Equal("G. / Hinton", People("Hinton, G. [Geoffrey Hinton].", out etAl));
        Assert.False(etAl);
        Assert.Equal("J. / Moore", People("Moore, J. [et al.]", out etAl));
        Assert.True(etAl);
    }

    [Fact]
    public void AnEllipsisClosingTheBylineSaysNothingOfMorePeople()
    {
        Assert.Equal("J. / Chałasiński", People("Józef Chałasiński,...", out var etAl).Replace("Józef", "J."));
        Assert.False(etAl);
    }

    [Fact]
    public void EditorMarksAreNoOne()
    {
        Assert.Equal("A. / Elmagarmid", People("A. Elmagarmid, editor.", out _));
        Assert.Equal("P. / Alvarez | R. / Chen", People("In P. Alvarez & R. Chen (Eds.),", out _));
        Assert.Equal("J. / Smith", People("In: Smith J, ed.", out _));
        // "In" is also a family name (Korean 인): before its Vancouver initials it stays.
        Assert.Equal("J. H. / In | S. / Kim", People("In JH, Kim S", out _));
        Assert.Equal("", People("———.", out _));
    }
}
