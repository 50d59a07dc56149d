using System.Text;
using static Hqt.Names.Scripts;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Chinese and Japanese in reference strings. <see cref="Spaced"/> writes such a string the way the tagger reads every
/// other one: ASCII punctuation with a space after it. <see cref="LooksLikeProse"/>, <see cref="CanBeAName"/> and
/// <see cref="IsOrganization"/> keep what the tagger cannot tell (prose, a phrase taken for a byline) out of the parse.
/// GB/T 7714 lists are often set in full-width forms with no spaces at all
/// (<c>陈静，赵明．城市化进程中的土地利用变化［J］．地理学报，2010，65（3）：320-332．</c>), and Japanese ones run a
/// byline, a year, a 「title」 and a 『journal』 together (<c>山田太郎・鈴木一郎（2010）「…」『言語研究』12(3)</c>). The
/// tagger's tokens are whitespace-separated (<see cref="RefTokenizer"/>), so without this such a reference is one or two
/// tokens and nothing can be told apart.
/// </summary>
/// <remarks>
/// Only strings holding Han or kana characters are touched (Korean is written with spaces between words and reads as
/// it is). Full-width letters, digits and punctuation become their ASCII forms (the year <c>２０１５</c> is 2015); the
/// ideographic comma and full stop become <c>, </c> and <c>. </c>; a middle dot between two Han characters separates two
/// people (<c>山田太郎・鈴木一郎</c>), elsewhere it stays (a name written in katakana, <c>ジョン・スミス</c>); corner
/// and book-title brackets stand apart from what is beside them.
/// </remarks>
public static class CjkText
{
    /// <summary>True when the string holds any Han or kana character.</summary>
    public static bool HasHanOrKana(ReadOnlySpan<char> text)
    {
        // Every reference string is asked, so a vectorised search for the block first: most hold nothing from U+3040 up.
        var at = text.IndexOfAnyInRange('\u3040', '\uFAFF');
        if (at < 0) return false;
        foreach (var c in text[at..])
            if (IsHanOrKana(c)) return true;
        return false;
    }

    static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';

    static bool IsKatakana(char c) => c is >= '\u30A0' and <= '\u30FF';

    /// <summary>
    /// True when a Chinese or Japanese string reads as prose, not as a reference: a footnote that argues ("…は、このことに
    /// ついて以下のように述べている。"), a quoted tweet. The tagger learned these scripts from references alone, so it reads
    /// any such text as one, and sure of itself: a clause closed by the ideographic comma or full stop after a kana word
    /// ending (が、 は、 いる。), a full stop with more text after it, Chinese sentence particles (了 这 们 就 吗 呢 着), or
    /// more than a reference's length (120 Han and kana) say it is not. References join names and fields with that comma
    /// after Han (山田太郎、鈴木一郎) and end in a number or a bracket, not a verb.
    /// </summary>
    public static bool LooksLikeProse(string text)
    {
        if (!HasHanOrKana(text)) return false;
        int cjk = 0, kanaClauses = 0, particles = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsHanOrKana(c)) cjk++;
            if (c is '了' or '这' or '们' or '就' or '吗' or '呢' or '着') particles++;
            if (c is not ('、' or '。') || i == 0) continue;
            if (IsHiragana(text[i - 1]) && (c == '。' || ++kanaClauses >= 2)) return true;
            if (c == '。' && HasHanOrKana(text.AsSpan(i + 1))) return true;
        }
        return cjk > 120 || particles >= 3;
    }

    /// <summary>
    /// True when a run of Han or kana can be one person's name as a reference writes it: up to six characters (山田太郎,
    /// 欧阳娜娜, 佐々木正人; at most three of them hiragana: 山田さくら), or a name in katakana with its middle dots
    /// (ジョン・スミス). A longer run is a phrase the tagger took for a byline.
    /// </summary>
    public static bool CanBeAName(string name)
    {
        int letters = 0, hiragana = 0, katakana = 0;
        foreach (var c in name)
        {
            if (c is '・' or ' ') continue;
            letters++;
            if (IsHiragana(c)) hiragana++;
            else if (IsKatakana(c)) katakana++;
        }
        return katakana == letters ? letters <= 15 : letters <= 6 && hiragana <= 3;
    }

    /// <summary>
    /// True when a run of Han or kana names an organisation by how such names end (国家统计局, 国务院发展研究中心, 中国人民银行,
    /// 総務省, 情報通信研究機構): an author too, and longer than a person's name.
    /// </summary>
    public static bool IsOrganization(string name) =>
        name.Length is >= 2 and <= 24 && OrganizationEnds.Any(end => name.EndsWith(end, StringComparison.Ordinal) && name.Length > end.Length);

    static readonly string[] OrganizationEnds =
    [
        "局", "部", "院", "中心", "组织", "組織", "委员会", "委員会", "银行", "銀行", "研究所", "大学", "学会", "协会", "協会", "公司", "集团",
        "政府", "办公室", "省", "庁", "機構", "机构", "センター", "株式会社", "研究会", "联合会", "基金会",
    ];

    /// <summary>The string spaced and in ASCII punctuation when it holds Han or kana, else the string itself.</summary>
    public static string Spaced(string text) => Spaced(text, out _);

    /// <summary>
    /// <see cref="Spaced(string)"/>, and where each character of the result came from: <paramref name="origins"/> holds the
    /// index in <paramref name="text"/> of every character written, and is null when the string holds no Han or kana (it
    /// is returned as it is), so the caller needs no scan of its own to know.
    /// </summary>
    internal static string Spaced(string text, out List<int>? origins)
    {
        origins = null;
        if (!HasHanOrKana(text)) return text;
        origins = new List<int>(text.Length + 16);
        var b = new StringBuilder(text.Length + 16);
        var inline = 0;
        var quotesInline = false;
        for (var i = 0; i < text.Length; origins.AddRange(Enumerable.Repeat(i, b.Length - origins.Count)), i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            switch (c)
            {
                case '\u3000': b.Append(' '); break;                                    // ideographic space
                case '、': Separator(b, ',', next); break;
                case '。': Separator(b, '.', next); break;
                case '・' when b.Length > 0 && IsHanOrKana(b[^1]) && !IsKatakana(b[^1]) && IsHanOrKana(next) && !IsKatakana(next):
                    Separator(b, ',', next); break;
                case '「' or '『' or '【' or '《' or '〔' or '〈':
                    // After a run of Han or kana longer than a name, the bracket quotes a word inside a phrase
                    // (解密為何每位藝術家都「被貓馴服」…): it stays in the phrase's token, and so does its closing one; so
                    // do the string's later brackets glued to Han or kana (…|你是「貓型」還是「犬型」人).
                    var run = RunBefore(b);
                    if (inline > 0 || run > 6 || (quotesInline && run > 0)) { inline++; quotesInline = true; }
                    else if (b.Length > 0 && !char.IsWhiteSpace(b[^1])) b.Append(' ');
                    b.Append(c);
                    break;
                case '」' or '』' or '】' or '》' or '〕' or '〉':
                    b.Append(c);
                    if (inline > 0) inline--;
                    else if (!char.IsWhiteSpace(next) && next is not (',' or '.' or ';' or ':' or '，' or '．' or '：' or '；' or '、' or '。' or ')' or '）'))
                        b.Append(' ');
                    break;
                case >= '\uFF01' and <= '\uFF5E':
                    var ascii = (char)(c - 0xFEE0);
                    if (ascii is ',' or '.' or ';' or ':' or '!' or '?') Separator(b, ascii, next);
                    else Bracket(b, ascii, next);
                    // （2012年9月）84頁: the page after a full-width bracket is a token of its own.
                    if (ascii == ')' && (char.IsAsciiDigit(next) || next is >= '０' and <= '９')) b.Append(' ');
                    break;
                // 日本法学第78巻第2号, 计算机学报第41卷: the volume and issue marks stand apart from the journal's name.
                case '第' when (char.IsAsciiDigit(next) || next is >= '０' and <= '９') && b.Length > 0 && !char.IsWhiteSpace(b[^1]) && b[^1] is not ('(' or '['):
                    b.Append(' ').Append(c);
                    break;
                default: Bracket(b, c, next); break;
            }
        }
        return b.ToString();
    }

    /// <summary>
    /// The parse's titles and names of things as the reference wrote them: the tagger read the spaced string, so a title
    /// came back as <c>城市的记忆: 一座老城的百年变迁</c> for <c>城市的记忆：一座老城的百年变迁</c>. Each such field is
    /// found in the string the tagger read and taken from the original, full-width letters and digits in ASCII; a field
    /// the assembler reworded (a kind mark or quotes taken off) and not found so stays as read.
    /// </summary>
    internal static ParsedReference AsWritten(ParsedReference parsed, string read, List<int> origins, string original) => parsed with
    {
        Title = AsWritten(parsed.Title, read, origins, original),
        Container = AsWritten(parsed.Container, read, origins, original),
        Publisher = AsWritten(parsed.Publisher, read, origins, original),
        Place = AsWritten(parsed.Place, read, origins, original),
    };

    static string? AsWritten(string? value, string read, List<int> origins, string original)
    {
        if (string.IsNullOrEmpty(value) || !HasHanOrKana(value)) return value;
        var at = read.IndexOf(value, StringComparison.Ordinal);
        if (at < 0) return value;
        var (start, end) = (origins[at], origins[at + value.Length - 1] + 1);
        var b = new StringBuilder(end - start);
        foreach (var c in original.AsSpan(start, end - start))
            b.Append(c switch
            {
                >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        return b.ToString().Trim();
    }

    // How many Han or kana characters run up to the end of what is written so far.
    static int RunBefore(StringBuilder b)
    {
        var n = 0;
        for (var k = b.Length - 1; k >= 0 && IsHanOrKana(b[k]); k--) n++;
        return n;
    }

    // A comma or full stop followed by a space (unless one follows already, or a decimal runs on: 12．5). A full-width
    // comma or colon between digits separates fields (2010，65（3）：320), never a number's parts.
    static void Separator(StringBuilder b, char punctuation, char next)
    {
        var inNumber = punctuation == '.' && b.Length > 0 && char.IsAsciiDigit(b[^1]) && (char.IsAsciiDigit(next) || next is >= '０' and <= '９');
        b.Append(punctuation);
        if (!inNumber && !char.IsWhiteSpace(next)) b.Append(' ');
    }

    // A bracket set off from the Han or kana beside it: 山田太郎（2010）「…」 reads 山田太郎 (2010) 「…」.
    static void Bracket(StringBuilder b, char c, char next)
    {
        if (c is '(' or '[' && b.Length > 0 && IsHanOrKana(b[^1])) b.Append(' ');
        b.Append(c);
        if (c is ')' && IsHanOrKana(next)) b.Append(' ');
    }
}
