using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Tests.Identity;

public class IdentityWorkLocatorTests
{
    [Theory]
    // The series letter belongs to the journal or to the volume, as the writer or the parser put it: one key.
    [InlineData("Phys. Rev. D", "76", "056001")]
    [InlineData("Phys Rev D", "76", "56001")]
    [InlineData("Phys. Rev.", "D76", "056001-1")]
    [InlineData("Phys. Rev. D76", null, "056001")]
    [InlineData("PHYS. REV. D", "Vol. 76", "pp. 056001")]
    public void SpellingsOfOneJournalVolumeAndFirstPageAreOneKey(string container, string? volume, string pages) =>
        Assert.Equal("physrevd76|56001", WorkLocator.Key(container, volume, pages));

    [Fact]
    public void TheSeriesLetterOfAVolumeAndOfAJournalMeet()
    {
        Assert.Equal(WorkLocator.Key("Int. J. Mod. Phys. A", "16", "707-718"), WorkLocator.Key("Int. J. Mod. Phys.", "A16", "707"));
        Assert.Equal(WorkLocator.Key("Int. J. Mod. Phys. A16", null, "707"), WorkLocator.Key("Int. J. Mod. Phys. A", "16", "707"));
    }

    [Theory]
    // Another volume, another first page, another journal: never one work.
    [InlineData("Phys. Rev. D", "77", "056001")]
    [InlineData("Phys. Rev. D", "76", "056002")]
    [InlineData("Phys. Rev. C", "76", "056001")]
    [InlineData("Phys. Rev.", "76", "056001")]
    public void AnyOtherJournalVolumeOrPageIsAnotherKey(string container, string volume, string pages) =>
        Assert.NotEqual(WorkLocator.Key("Phys. Rev. D", "76", "056001"), WorkLocator.Key(container, volume, pages));

    [Theory]
    [InlineData("Nature", null, null)]           // a journal alone names many works
    [InlineData("ApJ", null, "607")]            // no volume
    [InlineData("ApJ", "607", null)]            // no page
    [InlineData("Ibid.", "12", "4")]
    [InlineData("Private communication", "1", "2")]
    [InlineData("in press", "3", "1")]
    [InlineData("J", "3", "1")]                 // one letter is no journal
    [InlineData(null, "3", "1")]
    public void WhatNamesNoPlaceHasNoKey(string? container, string? volume, string? pages) =>
        Assert.Null(WorkLocator.Key(container, volume, pages));

    [Fact]
    public void RomanVolumesAndLetteredPagesAreKept()
    {
        Assert.Equal("annphysxii|l12", WorkLocator.Key("Ann. Phys.", "XII", "L12-L15"));
    }
}
