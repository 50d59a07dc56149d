using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// What kind of work a reference names, as the graph and the exports' entry types need it: a word inside the title
/// decides nothing ("synthesis" holds no thesis, a title's "report" does not make a journal article a report), a volume
/// makes a journal's article even after "In:", "In", a book of proceedings or a page range in a book make a chapter, and
/// a site or magazine read online is no book for having been read as a publisher.
/// </summary>
public class ReferenceTypeTests
{
    [Theory]
    [InlineData("Kim, H., & Osei, A. (2015). One-pot synthesis of porous carbon frameworks. Journal of Materials Chemistry A, 3(12), 6543–6550.", ParsedReferenceTypes.Article)]
    [InlineData("Marchetti, L. (2011). Reading the tide tables: A hypothesis about harbour lore. Coastal History Review, 8, 22–41.", ParsedReferenceTypes.Article)]
    [InlineData("Osborne, T. (2004). The quarterly report as genre. Business Communication Quarterly, 67(2), 150–171.", ParsedReferenceTypes.Article)]
    [InlineData("Patel, R. (2010). Signalling in plant roots. Proceedings of the National Academy of Sciences, 107(8), 3412–3417.", ParsedReferenceTypes.Article)]
    [InlineData("Lindqvist A. Harbour cell proteomics reveal therapy targets. In Review (2020) doi:10.21203/rs.3.rs-99999/v1.", ParsedReferenceTypes.Article)]
    [InlineData("Weber, Anna: Schule und Teilhabe. In: Zeitschrift für Inklusion, Jg. 12, Heft 3/2018, S. 44-51.", ParsedReferenceTypes.Article)]
    [InlineData("Okafor, C. (2009). Rainfall variability and river basin dynamics in the Niger Delta (Doctoral dissertation). University of Lagos.", ParsedReferenceTypes.Thesis)]
    [InlineData("Lindqvist, P. Scheduling shared caches. PhD thesis, Department of Computer Science, University of Toronto, 1994.", ParsedReferenceTypes.Thesis)]
    [InlineData("Brandt, E., & Moreau, J. (1998). Load balancing for irregular meshes. Technical Report TR-98-14, Department of Computing, Imperial College.", ParsedReferenceTypes.Report)]
    [InlineData("Hale, S. (2012). Housing markets and migration (Working Paper No. 18211). National Bureau of Economic Research.", ParsedReferenceTypes.Report)]
    [InlineData("Delacroix, J. (1999). Annual Groundwater Monitoring Report, Harbor Landfill. Honolulu: Department of Health.", ParsedReferenceTypes.Report)]
    [InlineData("FERREIRA Marc, « Les villes et la mémoire », in DUPUIS A., LEMAIRE P. (dir.), Histoire urbaine de l'Europe, Paris, Armand Colin, 2004, p. 105-131.", ParsedReferenceTypes.Chapter)]
    [InlineData("Nguyen, T., and Ruiz, D. Incremental garbage collection for actors. In Proceedings of the Conference on Object-Oriented Systems, pages 120-131, 1996.", ParsedReferenceTypes.Chapter)]
    [InlineData("Thornton, W. (1987). The Quiet Harbour. Boston: Harbor House Press.", ParsedReferenceTypes.Book)]
    // An organisation issuing its own work issues a report; with an ISBN or another's imprint, a book.
    [InlineData("Centers for Disease Control and Prevention. Antibiotic resistance threats in the United States, 2019. Atlanta, GA: CDC; 2019.", ParsedReferenceTypes.Report)]
    [InlineData("Pew Research Center. (2019). Mobile technology and home broadband 2019. Washington, DC: Author.", ParsedReferenceTypes.Report)]
    [InlineData("European Commission. The European Green Deal. Brussels, 2019.", ParsedReferenceTypes.Report)]
    [InlineData("National Research Council. Climate Stabilization Targets. Washington, DC: The National Academies Press; 2011.", ParsedReferenceTypes.Book)]
    [InlineData("\"Harbour Towns Top the Charts\". Coastal Weekly. Retrieved May 8, 2009.", ParsedReferenceTypes.WebPage)]
    [InlineData("Doe, J. (2010). Review of the Harbour Inventory. In R. A. Spies & K. F. Geisinger (Eds.), The Eighteenth Coastal Yearbook. Harbour Institute. Retrieved from http://example.org/yearbook", ParsedReferenceTypes.Chapter)]
    public void TheKindComesFromTheFieldsAndTheWordsAroundThem(string text, string type)
    {
        Assert.Equal(type, ReferenceParser.Parse(text).Type);
    }
}
