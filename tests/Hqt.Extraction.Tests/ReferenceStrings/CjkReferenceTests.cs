using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// References in Chinese and Japanese (none of them from the training data, which has almost none: the tagger learned
/// these styles from made-up renderings, tools/Hqt.RefParse.Train/CjkAugmentation.cs, so these strings use other words).
/// </summary>
public class CjkReferenceTests
{
    static string Families(ParsedReference r) => string.Join("|", r.Authors.Select(a => a.Family));

    [Theory]
    // CNKI's export: full-width punctuation and no spaces.
    [InlineData("陈静，赵明．城市化进程中的土地利用变化［J］．地理学报，2010，65（3）：320-332．",
        "陈静, 赵明. 城市化进程中的土地利用变化 [J]. 地理学报, 2010, 65(3): 320-332.")]
    // A byline joined by middle dots, the year in full-width brackets, a title in corner brackets.
    [InlineData("山田太郎・鈴木一郎（2010）「日本語の文法構造について」『言語研究』12(3), 45-67.",
        "山田太郎, 鈴木一郎 (2010) 「日本語の文法構造について」 『言語研究』 12(3), 45-67.")]
    // The ideographic comma and full stop; a decimal point stays in its number.
    [InlineData("王伟、李娜。第１２．５版。", "王伟, 李娜. 第12.5版.")]
    // Volume and issue marks stand apart from the journal's name; a page after a full-width bracket too.
    [InlineData("南部篤「刑事立法（一）」日本法学第78巻第2号（2012年9月）84頁",
        "南部篤 「刑事立法 (一)」 日本法学 第78巻 第2号 (2012年9月) 84頁")]
    // A word quoted inside a phrase stays in the phrase; after a name the bracket opens the title.
    [InlineData("解密為何每位藝術家都「被貓馴服」｜你是「貓型」還是「犬型」人？", "解密為何每位藝術家都「被貓馴服」|你是「貓型」還是「犬型」人?")]
    // A name in katakana keeps its middle dot: it joins the name's parts, not two people.
    [InlineData("ジョン・スミス（2001）", "ジョン・スミス (2001)")]
    public void ChineseAndJapanesePunctuationIsSpacedAsTheTaggerReadsIt(string text, string spaced) =>
        Assert.Equal(spaced, CjkText.Spaced(text));

    [Fact]
    public void AStringWithoutHanOrKanaIsLeftAsItIs()
    {
        const string text = "Okafor, N. C. (2014). Seasonal drift（sic）. 김철수, 이영희.";
        Assert.Same(text, CjkText.Spaced(text));
    }

    [Fact]
    public void AGbtJournalArticleIsReadWhole()
    {
        var r = ReferenceParser.Parse("[1] 张建国, 刘晓燕, 孙立新. 基于遥感影像的湿地植被分类方法[J]. 测绘学报, 2018, 47(6): 812-821.");

        Assert.Equal("基于遥感影像的湿地植被分类方法", r.Title);
        Assert.Equal("张建国|刘晓燕|孙立新", Families(r));
        Assert.All(r.Authors, a => Assert.Null(a.Given));
        Assert.Equal("测绘学报", r.Container);
        Assert.Equal(2018, r.Year);
        Assert.Equal("47", r.Volume);
        Assert.Equal("6", r.Issue);
        Assert.Equal("812-821", r.Pages);
        Assert.Equal(ParsedReferenceTypes.Article, r.Type);
        Assert.True(r.IsConfident);
    }

    [Fact]
    public void AGbtArticleInFullWidthFormsSaysEtAlAndNamesNoOneCalledIt()
    {
        var r = ReferenceParser.Parse("周海燕，黄志强，吴丽，等．青藏高原冻土退化对碳循环的影响［J］．生态学报，2021，41（9）：3401-3412．");

        Assert.Equal("青藏高原冻土退化对碳循环的影响", r.Title);
        Assert.Equal("周海燕|黄志强|吴丽", Families(r));
        Assert.True(r.HasMoreAuthors);
        Assert.Equal("生态学报", r.Container);
        Assert.Equal(2021, r.Year);
    }

    [Fact]
    public void AGbtBookHasItsPlaceAndPublisher()
    {
        var r = ReferenceParser.Parse("钱穆. 中国历代政治得失[M]. 北京: 生活·读书·新知三联书店, 2001.");

        Assert.Equal("中国历代政治得失", r.Title);
        Assert.Equal("钱穆", Families(r));
        Assert.Equal(2001, r.Year);
        Assert.Equal("北京", r.Place);
        Assert.Equal(ParsedReferenceTypes.Book, r.Type);
    }

    [Fact]
    public void AGbtThesisIsAThesis()
    {
        var r = ReferenceParser.Parse("孙悦. 长江中游城市群协同发展机制研究[D]. 武汉: 华中师范大学, 2019.");

        Assert.Equal("长江中游城市群协同发展机制研究", r.Title);
        Assert.Equal("孙悦", Families(r));
        Assert.Equal(ParsedReferenceTypes.Thesis, r.Type);
    }

    [Fact]
    public void AJapaneseArticleHasItsTitleAndJournalFromTheirBrackets()
    {
        var r = ReferenceParser.Parse("高田昌平・松井理恵（2016）「地方自治体における防災計画の策定過程」『都市計画論文集』51(3), 455-462.");

        Assert.Equal("地方自治体における防災計画の策定過程", r.Title);
        Assert.Equal("高田昌平|松井理恵", Families(r));
        Assert.Equal("都市計画論文集", r.Container);
        Assert.Equal(2016, r.Year);
        Assert.Equal("455-462", r.Pages);
    }

    [Fact]
    public void AJapaneseBookHasItsTitleAndPublisher()
    {
        var r = ReferenceParser.Parse("河合俊雄（2004）『ユング心理学と仏教の対話』岩波書店.");

        Assert.Equal("ユング心理学と仏教の対話", r.Title);
        Assert.Equal("河合俊雄", Families(r));
        Assert.Equal(2004, r.Year);
        Assert.Equal("岩波書店", r.Publisher);
    }

    [Theory]
    [InlineData("王小明, 李华, 等", "- / 王小明 | - / 李华", true)]
    [InlineData("山田太郎, 鈴木一郎ほか", "- / 山田太郎 | - / 鈴木一郎", true)]
    [InlineData("欧阳娜娜", "- / 欧阳娜娜", false)]
    // A headline the tagger took for a byline is no one, however its words fall into given and family.
    [InlineData("美30歲暹羅貓成全球最長壽貓 獲健力士認證", "", false)]
    // An organisation is an author by how its name ends, however long.
    [InlineData("国务院发展研究中心", "- / 国务院发展研究中心", false)]
    public void AChineseOrJapaneseNameIsOnePersonWrittenWhole(string span, string people, bool etAl)
    {
        Assert.Equal(people, string.Join(" | ", ReferenceNames.Split(span, out var saidEtAl).Select(p => $"{p.Given ?? "-"} / {p.Family}")));
        Assert.Equal(etAl, saidEtAl);
    }

    [Theory]
    // A footnote that argues: a clause closed after a kana ending, a sentence with another after it, a quoted tweet.
    [InlineData("*3 南部篤「刑事立法（一）」日本法学第78巻第2号（2012年9月）84頁以下は、このことについて以下のように述べている。")]
    [InlineData("*9 そもそも「当初目的」などというものがあったのか知らないが。")]
    [InlineData("原文ママ。同書第2版（立花書房, 2012年7月）では修正されていた")]
    [InlineData("他们认为这个问题就是我们的问题")]
    public void ChineseOrJapaneseProseIsNoReferenceHoweverSureTheTaggerIs(string text)
    {
        Assert.True(CjkText.LooksLikeProse(text));
        var r = ReferenceParser.Parse(text);
        Assert.False(r.IsConfident);
        Assert.Empty(r.Authors);
    }

    [Theory]
    [InlineData("山田太郎、鈴木一郎（2010）「日本語の文法構造について」『言語研究』12(3), 45-67.")]
    [InlineData("王小明：《中国近代史研究》，《历史研究》2005年第3期。")]
    [InlineData("周海燕，黄志强，吴丽，等．青藏高原冻土退化对碳循环的影响［J］．生态学报，2021，41（9）：3401-3412．")]
    [InlineData("Okafor, N. C. (2014). Seasonal drift of soil microbes. Journal of Mountain Ecology, 31(4), 212–229.")]
    public void ReferencesAreNotProse(string text) => Assert.False(CjkText.LooksLikeProse(text));

    [Theory]
    [InlineData("山田太郎", true)]
    [InlineData("佐々木正人", true)]
    [InlineData("山田さくら", true)]
    [InlineData("ジョン・スミス", true)]
    [InlineData("その冒頭で次のように説明する", false)]
    [InlineData("年改正以来の状況の変化が", false)]
    public void AHanOrKanaRunIsANameOnlyAsLongAsNamesAre(string run, bool name) => Assert.Equal(name, CjkText.CanBeAName(run));

    [Fact]
    public void AGbtWebPageHasItsAddressAndIsAWebPage()
    {
        var r = ReferenceParser.Parse("国家统计局. 2020年国民经济和社会发展统计公报[EB/OL]. (2021-02-28)[2021-05-01]. https://www.stats.gov.cn/tjsj/zxfb/202102/t20210227_1814154.html.");

        Assert.Equal("2020年国民经济和社会发展统计公报", r.Title);
        Assert.Equal("https://www.stats.gov.cn/tjsj/zxfb/202102/t20210227_1814154.html", r.Url);
        Assert.Equal(2021, r.Year);
        Assert.Equal(ParsedReferenceTypes.WebPage, r.Type);
    }

    [Fact]
    public void AJapaneseNewsCitationHasItsHeadlineAndOutlet()
    {
        var r = ReferenceParser.Parse("気象庁 線状降水帯の予測を前倒し 九州で運用開始, 朝日新聞, 2022年6月1日.");

        Assert.Equal("気象庁 線状降水帯の予測を前倒し 九州で運用開始", r.Title);
        Assert.Equal("朝日新聞", r.Container);
        Assert.Equal(2022, r.Year);
    }

    [Fact]
    public void AChineseReferenceListBecomesWorksWithTheirAuthorsAndAJapaneseFootnoteThatArguesBecomesNothing()
    {
        const string html = """
            <html><head><title>城市化研究</title></head><body><article><h1>城市化进程中的土地利用变化研究</h1><p>正文。</p>
            <h2>参考文献</h2><ol>
            <li>[1] 张建国, 刘晓燕, 孙立新. 基于遥感影像的湿地植被分类方法[J]. 测绘学报, 2018, 47(6): 812-821.</li>
            <li>[2] 钱穆. 中国历代政治得失[M]. 北京: 生活·读书·新知三联书店, 2001.</li>
            <li>[3] 原文ママ。同書第2版（立花書房, 2012年7月）では、「電気通信に関する秩序の維持」（78頁）に修正されていた。</li>
            </ol></article></body></html>
            """;
        var references = PageExtractor.Extract(html, "https://journal.example.cn/2024/05/paper").References;

        var article = Assert.Single(references, r => r.Title == "基于遥感影像的湿地植被分类方法");
        Assert.Equal(["张建国", "刘晓燕", "孙立新"], article.Authors);
        Assert.Equal("测绘学报", article.Container);
        Assert.Equal(["钱穆"], Assert.Single(references, r => r.Title == "中国历代政治得失").Authors);
        Assert.DoesNotContain(references, r => r.Title is { } t && (t.Contains("原文") || t.Contains("電気通信")));
        Assert.DoesNotContain(references.SelectMany(r => r.Authors), a => a.Contains("原文") || a.Contains("立花"));
    }

    [Fact]
    public void AChineseWikipediaNoteLosesItsBackLinksAndNamesItsBook()
    {
        const string html = """
            <html><head><title>猫</title></head><body><article><h1>猫</h1><p>正文。</p>
            <h2>参考文献</h2><ol>
            <li>12.0 12.1 12.2 韩立新：《城市化的道路》，北京：人民出版社，2005年，第45页。</li>
            </ol></article></body></html>
            """;
        var reference = Assert.Single(PageExtractor.Extract(html, "https://zh.example.org/wiki/cat").References);

        Assert.Equal("城市化的道路", reference.Title);
        Assert.Equal(["韩立新"], reference.Authors);
        Assert.Equal(2005, reference.Year);
    }

    [Fact]
    public void ATitleIsTheWholeOfItsBookBracketsThoughItHasASubtitle()
    {
        var r = ReferenceParser.Parse("《城市的记忆：一座老城的百年变迁》 （美）约翰·史密斯等 p45 三联书店");

        Assert.Equal("城市的记忆：一座老城的百年变迁", r.Title);
    }

    [Theory]
    [InlineData("李明，王芳．深度学习：原理、方法与应用［M］．北京：清华大学出版社，２０１９．", "深度学习：原理、方法与应用", "清华大学出版社")]
    [InlineData("钱穆. 中国历代政治得失[M]. 北京: 生活·读书·新知三联书店, 2001.", "中国历代政治得失", "生活·读书·新知三联书店")]
    [InlineData("山田太郎（2010）「言語変化と社会：ＳＮＳ時代の日本語」『言語研究』12(3), 45-67.", "言語変化と社会：SNS時代の日本語", null)]
    public void FieldsKeepThePunctuationTheReferenceWroteThemWith(string text, string title, string? publisher)
    {
        // The tagger reads the string spaced, in ASCII punctuation; what the reader is shown is what the reference wrote
        // (full-width letters and digits aside), not "深度学习: 原理, 方法与应用".
        var r = ReferenceParser.Parse(text);

        Assert.Equal((title, publisher), (r.Title, r.Publisher));
    }
}
