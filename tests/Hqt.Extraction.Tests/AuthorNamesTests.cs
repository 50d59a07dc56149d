using Hqt.Extraction.Authors;

namespace Hqt.Extraction.Tests;

/// <summary>Cleaning and splitting the raw text of one author signal.</summary>
public class AuthorNamesTests
{
    [Theory]
    [InlineData("By Jane Doe", "Jane Doe")]
    [InlineData("Von Melanie Wassink", "Melanie Wassink")]
    [InlineData("Par Cécile Ducourtieux", "Cécile Ducourtieux")]
    [InlineData("Por Carla Chevez", "Carla Chevez")]
    [InlineData("Door Jan de Vries", "Jan de Vries")]
    [InlineData("Written by: Jane Doe", "Jane Doe")]
    [InlineData("Byrne Hobart", "Byrne Hobart")]
    [InlineData("Paz Segura - Marketing Manager", "Paz Segura")]
    [InlineData("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project", "Daniel Kahn Gillmor")]
    [InlineData("Brenda Goodman, MA", "Brenda Goodman")]
    [InlineData("Nicolas Perriault — 2013-09-29 —", "Nicolas Perriault")]
    [InlineData("Jane Doe | Updated 3 hours ago", "Jane Doe")]
    [InlineData("Jane Doe jane.doe@example.org", "Jane Doe")]
    [InlineData("Jane Doe https://twitter.com/janedoe", "Jane Doe")]
    [InlineData("Swati Bhasin (with inputs from Agencies)", "Swati Bhasin")]
    [InlineData("Bruno (Henrique Zecchin) Rodrigues", "Bruno Henrique Zecchin Rodrigues")]
    [InlineData("Kooman, F.", "F. Kooman")]
    [InlineData("William K. Rashbaum", "William K. Rashbaum")]
    [InlineData("Ars Staff", "Ars Staff")]
    [InlineData("作者：後藤大地", "後藤大地")]
    public void OneNameIsCleaned(string raw, string expected) => Assert.Equal([expected], AuthorNames.Split(raw));

    [Theory]
    [InlineData("View author archive")]
    [InlineData("See full bio")]
    [InlineData("Reply")]
    [InlineData("Name *")]
    [InlineData("@janedoe")]
    [InlineData("https://example.org/author/jane")]
    [InlineData("jane@example.org")]
    [InlineData("March 3, 2024")]
    [InlineData("5 min read")]
    [InlineData("Follow Author")]
    [InlineData("Get rights and content")]
    [InlineData("Senior Staff Writer")]
    [InlineData("he teaches tap dancing in his spare time")]
    public void FurnitureIsNoName(string raw) => Assert.Empty(AuthorNames.Split(raw));

    [Theory]
    [InlineData("By Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman", new[] { "Marc Santora", "William K. Rashbaum", "Al Baker", "Adam Goldman" })]
    [InlineData("Jane Doe & John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Jane Doe; John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Martin Untersinger (avec Damien Leloup et Morgane Tual)", new[] { "Martin Untersinger", "Damien Leloup", "Morgane Tual" })]
    [InlineData("Written by Rob Ewaschuk Edited by Betsy Beyer", new[] { "Rob Ewaschuk" })]
    [InlineData("著者 お米ゴハン イラスト 汐街コナ", new[] { "お米ゴハン", "汐街コナ" })]
    public void ListsSplitIntoPeople(string raw, string[] expected) => Assert.Equal(expected, AuthorNames.Split(raw));

    [Theory]
    [InlineData("Doe, Jane", "Jane Doe")]
    [InlineData("Jong, Michiel de", "Michiel de Jong")]
    public void LastFirstStaysOnePerson(string raw, string expected) => Assert.Equal([expected], AuthorNames.Split(raw));

    [Theory]
    [InlineData("The Associated Press", true)]
    [InlineData("Hanns-Seidel-Stiftung e.V.", true)]
    [InlineData("USA TODAY", true)]
    [InlineData("Reuters", true)]
    [InlineData("Jane Doe", false)]
    [InlineData("Alexander Rosenkranz", false)]
    public void OrganisationsAreToldFromPeople(string name, bool isOrganization) => Assert.Equal(isOrganization, AuthorNames.IsOrganization(name));
}
