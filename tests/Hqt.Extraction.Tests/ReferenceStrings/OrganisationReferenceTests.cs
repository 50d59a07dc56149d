using System.Text.RegularExpressions;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// Reports, guidelines and pages whose author is an organisation, the references health, policy and climate writing cites
/// most, written by hand from real bodies' real publications in the styles lists use (Vancouver, APA, Harvard, Chicago,
/// ABNT, IEEE, MLA). The tagger learned the shape from made-up organisations (tools/Hqt.RefParse.Train/
/// OrganisationAugmentation.cs), none of them these. Before it, 17 of these 42 parsed whole: "World Health Organization.
/// Global tuberculosis report 2020." gave no title and no author, and "Food and Agriculture Organization of the United
/// Nations" was two people, "Food" and "Agriculture Organization…".
/// </summary>
public partial class OrganisationReferenceTests
{
    static readonly (string Text, string Author, string Title, int? Year)[] References =
    [
        ("World Health Organization. Global tuberculosis report 2020. Geneva: WHO, 2020.",
            "World Health Organization", "Global tuberculosis report 2020", 2020),
        ("World Health Organization. World malaria report 2019. Geneva: World Health Organization; 2019.",
            "World Health Organization", "World malaria report 2019", 2019),
        ("World Health Organization. Guidelines for drinking-water quality. 4th ed. Geneva: WHO; 2011.",
            "World Health Organization", "Guidelines for drinking-water quality", 2011),
        ("Centers for Disease Control and Prevention. Antibiotic resistance threats in the United States, 2019. Atlanta, GA: CDC; 2019.",
            "Centers for Disease Control and Prevention", "Antibiotic resistance threats in the United States, 2019", 2019),
        ("National Research Council. Climate Stabilization Targets. Washington, DC: The National Academies Press; 2011.",
            "National Research Council", "Climate Stabilization Targets", 2011),
        ("UNESCO. Education for All Global Monitoring Report 2015. Paris: UNESCO, 2015.",
            "UNESCO", "Education for All Global Monitoring Report 2015", 2015),
        ("International Energy Agency. World Energy Outlook 2022. Paris: IEA, 2022.",
            "International Energy Agency", "World Energy Outlook 2022", 2022),
        ("U.S. Census Bureau. Income and poverty in the United States: 2019. Washington, DC, 2020.",
            "U.S. Census Bureau", "Income and poverty in the United States: 2019", 2020),
        ("Intergovernmental Panel on Climate Change. Climate Change 2014: Synthesis Report. Geneva: IPCC, 2014.",
            "Intergovernmental Panel on Climate Change", "Climate Change 2014: Synthesis Report", 2014),
        ("European Commission. The European Green Deal. Brussels, 2019.",
            "European Commission", "The European Green Deal", 2019),
        ("Bureau of Labor Statistics. Employment Situation Summary. Washington, DC: U.S. Department of Labor, 2023.",
            "Bureau of Labor Statistics", "Employment Situation Summary", 2023),
        ("World Bank. World Development Report 2019: The Changing Nature of Work. Washington, DC: World Bank, 2019.",
            "World Bank", "World Development Report 2019: The Changing Nature of Work", 2019),
        ("World Health Organization (2020). Global tuberculosis report 2020. Geneva: WHO.",
            "World Health Organization", "Global tuberculosis report 2020", 2020),
        ("American Psychiatric Association. (2013). Diagnostic and statistical manual of mental disorders (5th ed.). Arlington, VA: Author.",
            "American Psychiatric Association", "Diagnostic and statistical manual of mental disorders", 2013),
        ("National Institute for Health and Care Excellence. (2019). Depression in adults: recognition and management (Clinical guideline CG90). London: NICE.",
            "National Institute for Health and Care Excellence", "Depression in adults: recognition and management", 2019),
        ("Office for National Statistics (2021). Population estimates for the UK, England and Wales, Scotland and Northern Ireland: mid-2020. Newport: ONS.",
            "Office for National Statistics", "Population estimates for the UK, England and Wales, Scotland and Northern Ireland: mid-2020", 2021),
        ("Organisation for Economic Co-operation and Development. (2019). PISA 2018 results (Volume I): What students know and can do. Paris: OECD Publishing.",
            "Organisation for Economic Co-operation and Development", "PISA 2018 results (Volume I): What students know and can do", 2019),
        ("Food and Agriculture Organization of the United Nations. (2020). The state of food security and nutrition in the world 2020. Rome: FAO.",
            "Food and Agriculture Organization of the United Nations", "The state of food security and nutrition in the world 2020", 2020),
        ("Environmental Protection Agency (2016) Climate change indicators in the United States, 2016. Washington, DC: EPA.",
            "Environmental Protection Agency", "Climate change indicators in the United States, 2016", 2016),
        ("National Academies of Sciences, Engineering, and Medicine. 2017. Communicating Science Effectively: A Research Agenda. Washington, DC: The National Academies Press.",
            "National Academies of Sciences, Engineering, and Medicine", "Communicating Science Effectively: A Research Agenda", 2017),
        ("International Monetary Fund. 2023. World Economic Outlook: A Rocky Recovery. Washington, DC: IMF.",
            "International Monetary Fund", "World Economic Outlook: A Rocky Recovery", 2023),
        ("United Nations Development Programme. 2020. Human Development Report 2020: The Next Frontier. New York: UNDP.",
            "United Nations Development Programme", "Human Development Report 2020: The Next Frontier", 2020),
        ("U.S. Food and Drug Administration. \"Guidance for Industry: Bioanalytical Method Validation.\" Silver Spring, MD, 2018.",
            "U.S. Food and Drug Administration", "Guidance for Industry: Bioanalytical Method Validation", 2018),
        ("Federal Reserve Board. \"Report on the Economic Well-Being of U.S. Households in 2019.\" May 2020.",
            "Federal Reserve Board", "Report on the Economic Well-Being of U.S. Households in 2019", 2020),
        ("National Aeronautics and Space Administration. \"Global Climate Change: Vital Signs of the Planet.\" Accessed March 3, 2021. https://climate.nasa.gov/.",
            "National Aeronautics and Space Administration", "Global Climate Change: Vital Signs of the Planet", 2021),
        ("WORLD HEALTH ORGANIZATION. Global tuberculosis report 2020. Geneva: WHO, 2020.",
            "WORLD HEALTH ORGANIZATION", "Global tuberculosis report 2020", 2020),
        ("INSTITUTO BRASILEIRO DE GEOGRAFIA E ESTATÍSTICA. Censo demográfico 2010. Rio de Janeiro: IBGE, 2011.",
            "INSTITUTO BRASILEIRO DE GEOGRAFIA E ESTATÍSTICA", "Censo demográfico 2010", 2011),
        ("ORGANIZAÇÃO MUNDIAL DA SAÚDE. Relatório mundial sobre a deficiência. São Paulo: SEDPcD, 2012.",
            "ORGANIZAÇÃO MUNDIAL DA SAÚDE", "Relatório mundial sobre a deficiência", 2012),
        ("Haute Autorité de Santé. Prise en charge des patients adultes atteints d'épilepsie. Saint-Denis : HAS, 2020.",
            "Haute Autorité de Santé", "Prise en charge des patients adultes atteints d'épilepsie", 2020),
        ("Institut national de la statistique et des études économiques (2021). Tableaux de l'économie française. Paris : Insee.",
            "Institut national de la statistique et des études économiques", "Tableaux de l'économie française", 2021),
        ("Robert Koch-Institut (2019). Epidemiologisches Bulletin 2019. Berlin: RKI.",
            "Robert Koch-Institut", "Epidemiologisches Bulletin 2019", 2019),
        ("Statistisches Bundesamt. Bevölkerung und Erwerbstätigkeit 2020. Wiesbaden: Destatis, 2021.",
            "Statistisches Bundesamt", "Bevölkerung und Erwerbstätigkeit 2020", 2021),
        ("[12] International Telecommunication Union, \"Measuring digital development: Facts and figures 2021,\" ITU, Geneva, 2021.",
            "International Telecommunication Union", "Measuring digital development: Facts and figures 2021", 2021),
        ("[3] National Institute of Standards and Technology, \"Framework for improving critical infrastructure cybersecurity,\" NIST, Gaithersburg, MD, 2018.",
            "National Institute of Standards and Technology", "Framework for improving critical infrastructure cybersecurity", 2018),
        ("7. Australian Institute of Health and Welfare. Australia's health 2020. Canberra: AIHW; 2020.",
            "Australian Institute of Health and Welfare", "Australia's health 2020", 2020),
        ("12. Public Health England. Health profile for England: 2019. London: PHE; 2019.",
            "Public Health England", "Health profile for England: 2019", 2019),
        ("American Cancer Society. Cancer Facts & Figures 2021. Atlanta: American Cancer Society; 2021.",
            "American Cancer Society", "Cancer Facts & Figures 2021", 2021),
        ("American Diabetes Association. Standards of medical care in diabetes—2020. Diabetes Care. 2020;43(Suppl 1):S1-S212.",
            "American Diabetes Association", "Standards of medical care in diabetes—2020", 2020),
        ("National Cancer Institute. Cancer stat facts: lung and bronchus cancer. Bethesda, MD: NCI; 2021.",
            "National Cancer Institute", "Cancer stat facts: lung and bronchus cancer", 2021),
        ("United Nations Environment Programme (2021). Emissions Gap Report 2021. Nairobi: UNEP.",
            "United Nations Environment Programme", "Emissions Gap Report 2021", 2021),
        ("Ministry of Health, Labour and Welfare. Annual Health, Labour and Welfare Report 2019. Tokyo: MHLW, 2020.",
            "Ministry of Health, Labour and Welfare", "Annual Health, Labour and Welfare Report 2019", 2020),
        ("Pew Research Center. (2019). Mobile technology and home broadband 2019. Washington, DC: Author.",
            "Pew Research Center", "Mobile technology and home broadband 2019", 2019),
    ];

    [GeneratedRegex(@"\W+")]
    private static partial Regex NotAWord();

    static string Key(string? s) => NotAWord().Replace((s ?? "").ToLowerInvariant(), " ").Trim();

    static bool IsWhole(ParsedReference r, (string Text, string Author, string Title, int? Year) want) =>
        r.Authors is [{ Given: null } author] && Key(author.Family) == Key(want.Author) && Key(r.Title) == Key(want.Title) && r.Year == want.Year;

    [Fact]
    public void ReferencesByOrganisationsNameTheOrganisationAsTheirOneAuthor()
    {
        var misses = References.Where(want => !IsWhole(ReferenceParser.Parse(want.Text), want)).Select(want => want.Text).ToList();

        // One miss left when this was written: NICE's guideline keeps its series note "(Clinical guideline CG90)" in the
        // title, as AnyStyle's labels often do; a second is room for a retrained model's luck on a hard boundary.
        Assert.True(misses.Count <= 2, $"{misses.Count} of {References.Length} not whole:\n" + string.Join("\n", misses));
    }

    [Theory]
    [InlineData("World Health Organization. Global tuberculosis report 2020. Geneva: WHO, 2020.", "World Health Organization", "Global tuberculosis report 2020")]
    [InlineData("WORLD HEALTH ORGANIZATION. Global tuberculosis report 2020. Geneva: WHO, 2020.", "WORLD HEALTH ORGANIZATION", "Global tuberculosis report 2020")]
    [InlineData("Intergovernmental Panel on Climate Change. Climate Change 2014: Synthesis Report. Geneva: IPCC, 2014.", "Intergovernmental Panel on Climate Change", "Climate Change 2014: Synthesis Report")]
    [InlineData("Bureau of Labor Statistics. Employment Situation Summary. Washington, DC: U.S. Department of Labor, 2023.", "Bureau of Labor Statistics", "Employment Situation Summary")]
    [InlineData("Food and Agriculture Organization of the United Nations. (2020). The state of food security and nutrition in the world 2020. Rome: FAO.", "Food and Agriculture Organization of the United Nations", "The state of food security and nutrition in the world 2020")]
    public void TheOrganisationIsTheBylineAndNoPerson(string text, string author, string title)
    {
        var r = ReferenceParser.Parse(text);

        Assert.Equal(author, Assert.Single(r.Authors).Family);
        Assert.Null(r.Authors[0].Given);
        Assert.Equal(title, r.Title);
        Assert.True(r.IsConfident);
    }
}
