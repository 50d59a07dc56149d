using AngleSharp.Html.Parser;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.Tests.Text;

public class VisibleTextTests
{
    static string Of(string html) =>
        VisibleText.Of(new HtmlParser().ParseDocument($"<body><div id=r>{html}</div></body>").GetElementById("r")!, 2000, '\n');

    [Fact]
    public void AnElementHtmlDoesNotDefineFlowsInTheLineItIsWrittenIn()
    {
        // A browser shows an element it does not know inline; text beside it says it is in a line.
        Assert.Equal("By  Ana Lindqvist , staff writer", Of("By <author-name>Ana Lindqvist</author-name>, staff writer"));
        Assert.Equal(" Rudenko LG ,  Slepushkin AN ", Of("<contrib-group>Rudenko LG</contrib-group>, <contrib-group>Slepushkin AN</contrib-group>"));
    }

    [Fact]
    public void AnElementHtmlDoesNotDefineWithOnlySpaceAroundIsALayoutBox()
    {
        // Custom elements that hold a page's parts (<app-header>, <bsp-list>) are styled as blocks: their text stays apart.
        var text = Of("<app-header>Site name</app-header>\n<article-body>First paragraph.</article-body>");
        Assert.Contains("Site name\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Site name First", text, StringComparison.Ordinal);
    }
}
