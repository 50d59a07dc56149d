using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

/// <summary>
/// Chinese and Japanese references for the tagger to learn their shapes from: AnyStyle's data holds 16 (Taiwanese lists,
/// a few titles in Chinese beside an English translation), so a GB/T 7714 reference (<c>王小明, 李华. 蛋白质折叠的深度学习[J].
/// 自然方法, 2015, 12(1): 33-40.</c>) got no parse at all. Each rendering takes a train item's year, volume, issue and pages
/// and writes it in one of the styles Chinese and Japanese lists use (below), with made-up names, a made-up title and
/// journal built from the words such titles and journals are made of. Its gold is what it wrote, so the labels come from
/// the same alignment as every other item's.
/// </summary>
/// <remarks>
/// The words are not real references' (none are in ../shared), so what the tagger can learn from them is the styles'
/// shape: a short Han word before a comma is a name, a long one before <c>[J]</c> a title, the one after it the journal,
/// <c>北京: 人民出版社</c> a place and a publisher, 「…」 a Japanese article's title and 『…』 its journal. Word suffixes it
/// sees (学报, 研究, 出版社) are the ones real journals and publishers end in. Deterministic (a seeded generator) and only
/// added to the sequences a model is fitted on, never to its lexicons, a held-out tenth or dev-test.
/// </remarks>
static class CjkAugmentation
{
    /// <summary>The share of the items that have authors, a title and a year written again (547 of train's 7,925).</summary>
    public static double Share = 0.08;

    /// <summary>How many items the last <see cref="Generate"/> wrote (for the training report).</summary>
    public static int LastCount { get; private set; }

    static readonly string[] ChineseFamilies = Split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 方 白 邹 孟 熊 秦 邱 江 尹 薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 武 戴 莫 孔 向 汤 欧阳 司马 诸葛 上官");
    static readonly string[] ChineseGiven = Split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 萍 红 建 文 辉 力 永 宁 志 鹏 飞 晓 东 海 波 云 峰 斌 俊 慧 婷 雪 琳 欣 宇 浩 凯 鑫 彬 佳 嘉 思 子 梓 博 晨 瑞 昊 天 泽 一 新 国 庆 春 秋 立 荣 德 福 安 宏 光 金 林");
    static readonly string[] ChineseWords = Split("研究 分析 基于 方法 系统 模型 影响 发展 应用 技术 理论 问题 实验 数据 网络 设计 评价 机制 特征 结构 过程 城市 经济 社会 文化 教育 环境 管理 政策 变化 神经 深度 学习 图像 识别 算法 优化 控制 材料 性能 蛋白 细胞 基因 表达 临床 治疗 患者 疾病 土地 利用 区域 空间 农业 企业 市场 金融 创新 信息 语言 历史 文学 思想 哲学 法律 制度 改革 中国 我国 近代 当代 传统 现代 国际 比较 检测 合成 制备 催化 反应 温度 压力 结构 探讨 综述 进展 策略 路径 视角 框架 效应 关系 作用 因素 评估 预测 监测 模拟 实证 案例");
    static readonly string[] ChineseLinks = Split("的 与 及 和 对 在 中 下 之");
    static readonly string[] ChineseJournalHeads = Split("计算机 地理 物理 中国 管理 经济 教育 医学 化学 自动化 软件 心理 社会 历史 哲学 法学 农业 环境 生态 材料 电子 通信 机械 土木 力学 数学 生物 中华医学 北京大学 清华大学 复旦 南京大学 浙江大学 武汉大学");
    static readonly string[] ChineseJournalTails = Split("学报 杂志 研究 科学 通报 论坛 评论 进展 工程 学刊 月刊 季刊 学报(自然科学版) 学报(社会科学版)");
    static readonly string[] ChinesePublishers = Split("人民出版社 科学出版社 高等教育出版社 清华大学出版社 北京大学出版社 商务印书馆 中华书局 机械工业出版社 电子工业出版社 上海人民出版社 社会科学文献出版社 三联书店");
    static readonly string[] ChinesePlaces = Split("北京 上海 南京 武汉 广州 成都 西安 杭州 天津 长沙 台北 香港");
    static readonly string[] ChineseBodies = Split("国家统计局 教育部 国务院 中国科学院 国家卫生健康委员会 生态环境部 中国人民银行 世界卫生组织 国务院发展研究中心 中国互联网络信息中心");
    static readonly string[] ChineseSites = Split("gov.cn/xinwen xinhuanet.com/politics people.com.cn/n1 moe.gov.cn/jyb_xwfb stats.gov.cn/tjsj");
    static readonly string[] ChineseNewspapers = Split("人民日报 光明日报 经济日报 中国青年报 科技日报 南方周末 文汇报");
    static readonly string[] ChineseUniversities = Split("北京大学 清华大学 复旦大学 浙江大学 南京大学 武汉大学 中山大学 四川大学 吉林大学 厦门大学");

    static readonly string[] JapaneseFamilies = Split("山田 佐藤 鈴木 高橋 田中 渡辺 伊藤 中村 小林 加藤 吉田 山本 山口 松本 井上 木村 林 清水 斎藤 山崎 森 池田 橋本 阿部 石川 前田 藤田 小川 岡田 後藤 長谷川 佐々木 村上 近藤 石井 坂本 遠藤 青木 藤井 西村");
    static readonly string[] JapaneseGiven = Split("太郎 花子 健 一郎 直樹 美咲 裕子 浩 誠 大輔 拓也 恵 由美 和也 翔 陽子 隆 修 明美 智子 健一 正人 さくら ひろし");
    static readonly string[] JapaneseWords = Split("日本語 文法 構造 社会 経済 教育 歴史 文化 言語 研究 分析 実験 評価 影響 変化 地域 都市 政策 制度 理論 方法 効果 関係 意識 調査 学習 発達 認知 技術 設計 開発 システム モデル データ ネットワーク");
    static readonly string[] JapaneseLinks = Split("の における に関する について による と を めぐる");
    static readonly string[] JapaneseJournals = Split("言語研究 社会学評論 教育心理学研究 心理学研究 日本建築学会計画系論文集 情報処理学会論文誌 経済研究 史学雑誌 国語学 日本語教育 電子情報通信学会論文誌 土木学会論文集 地理学評論 人文地理 季刊社会保障研究");
    static readonly string[] JapanesePublishers = Split("岩波書店 有斐閣 東京大学出版会 勁草書房 ミネルヴァ書房 講談社 中央公論新社 筑摩書房 明石書店 名古屋大学出版会");
    static readonly string[] JapaneseNewsOutlets = Split("NHKニュース 日本経済新聞 朝日新聞 読売新聞 毎日新聞 ITmediaニュース 東洋経済オンライン 東京新聞 日刊ゲンダイ");
    static readonly string[] JapanesePlaces = Split("東京 京都 大阪 名古屋");

    static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static List<LabelledReference> Generate(IReadOnlyList<LabelledReference> items, int seed)
    {
        var random = new Random(seed + 7);
        var made = new List<LabelledReference>();
        foreach (var item in items)
        {
            var g = item.Gold;
            if (g.Authors.Count == 0 || g.Title is null || g.Year is not { } year) continue;
            if (random.NextDouble() >= Share) continue;
            var rendered = random.Next(10) < 7 ? Chinese(item, year, random) : Japanese(item, year, random);
            made.Add(rendered with { Text = ReferenceParser.PrepareAsLabelled(rendered.Text) });
        }
        LastCount = made.Count;
        return made;
    }

    // A field as it reads in the prepared text (a subtitle's "：" is ": " there), so the alignment finds it.
    static string? Prepared(string? field) => field is null ? null : ReferenceParser.PrepareAsLabelled(field);

    static int? Number(string? s) => s is not null && int.TryParse(s, out var n) && n is > 0 and < 10000 ? n : null;

    // The item's numbers, or made-up ones where it has none: 12(1): 33-40.
    static (int Volume, int Issue, int First, int Last) Numbers(Gold g, Random random)
    {
        var volume = Number(g.Volume) ?? random.Next(1, 60);
        var issue = Number(g.Issue) ?? random.Next(1, 12);
        var first = Number(g.Pages?.Split('-', '–')[0]) ?? random.Next(1, 900);
        return (volume, issue, first, first + random.Next(3, 25));
    }

    static string ChineseName(Random random) =>
        Pick(random, ChineseFamilies) + Pick(random, ChineseGiven) + (random.Next(3) > 0 ? Pick(random, ChineseGiven) : "");

    static string JapaneseName(Random random) => Pick(random, JapaneseFamilies) + Pick(random, JapaneseGiven);

    static string ChineseTitle(Random random)
    {
        var words = new List<string>();
        var count = random.Next(3, 8);
        for (var i = 0; i < count; i++)
        {
            words.Add(Pick(random, ChineseWords));
            if (i > 0 && i < count - 1 && random.Next(4) == 0) words.Add(Pick(random, ChineseLinks));
        }
        var title = string.Concat(words);
        // Annual reports and bulletins open with their year: 2020年国民经济和社会发展统计公报.
        if (random.Next(10) == 0) title = $"{random.Next(1980, 2025)}年{title}";
        // A word quoted inside the title, in the mainland's or Taiwan's quotes: 解密为何艺术家都「被猫驯服」.
        if (random.Next(10) == 0)
        {
            var at = random.Next(1, title.Length);
            var word = Pick(random, ChineseWords);
            title = random.Next(2) == 0 ? $"{title[..at]}「{word}」{title[at..]}" : $"{title[..at]}“{word}”{title[at..]}";
        }
        // A subtitle after a colon or a long dash: 城市化进程中的土地利用变化——以南京为例
        return random.Next(8) switch
        {
            0 => title + "——以" + Pick(random, ChinesePlaces) + "为例",
            1 => title + "：" + Pick(random, ChineseWords) + Pick(random, ChineseWords) + "研究",
            _ => title,
        };
    }

    static string JapaneseTitle(Random random)
    {
        var words = new List<string>();
        var count = random.Next(2, 6);
        for (var i = 0; i < count; i++)
        {
            words.Add(Pick(random, JapaneseWords));
            if (i < count - 1 && random.Next(2) == 0) words.Add(Pick(random, JapaneseLinks));
        }
        return string.Concat(words) + (random.Next(4) == 0 ? "に関する研究" : "");
    }

    static string ChineseJournal(Random random) => Pick(random, ChineseJournalHeads) + Pick(random, ChineseJournalTails);

    /// <summary>GB/T 7714 (journal, book, thesis, proceedings), the Taiwanese spaced lists and the humanities' 《》 style.</summary>
    static LabelledReference Chinese(LabelledReference item, int year, Random random)
    {
        var count = random.Next(1, 5);
        var names = Enumerable.Range(0, count).Select(_ => ChineseName(random)).Distinct().ToList();
        // Government bodies and institutes write reports, bulletins and web pages: 国家统计局. 2020年…公报[EB/OL].
        if (random.Next(8) == 0) names = [Pick(random, ChineseBodies)];
        var etAl = names.Count == 4 && random.Next(2) == 0;
        if (etAl) names.RemoveAt(3);
        var title = ChineseTitle(random);
        var (volume, issue, first, last) = Numbers(item.Gold, random);
        var wide = random.Next(2) == 0;   // full-width punctuation without spaces, as CNKI exports it
        string sep = wide ? "，" : ", ", stop = wide ? "．" : ". ", colon = wide ? "：" : ": ";
        var byline = string.Join(random.Next(5) == 0 ? "、" : sep, names) + (etAl ? sep + "等" : "");
        string? journal = null, publisher = null, place = null, vol = null, iss = null, pages = null, doi = null;
        string text;
        string? url = null;
        switch (random.Next(13))
        {
            case < 5:   // GB/T journal article
                journal = ChineseJournal(random);
                (vol, iss, pages) = ($"{volume}", $"{issue}", $"{first}-{last}");
                var numbers = random.Next(4) == 0 ? $"({issue})" : $"{volume}({issue})";
                if (numbers.StartsWith('(')) vol = null;
                text = $"{byline}{stop}{title}[J]{stop}{journal}{sep}{year}{sep}{numbers}{colon}{first}-{last}{stop}";
                if (random.Next(5) == 0)
                {
                    doi = $"10.{random.Next(1000, 9999)}/j.issn.{random.Next(1000, 9999)}-{random.Next(1000, 9999)}.{year}.{random.Next(1, 12):00}.{random.Next(1, 40):000}";
                    text += $"DOI: {doi}.";
                }
                break;
            case 5 or 6:   // GB/T book
                (place, publisher) = (Pick(random, ChinesePlaces), Pick(random, ChinesePublishers));
                if (random.Next(3) == 0) pages = $"{first}-{last}";
                text = $"{byline}{stop}{title}[M]{stop}{place}{colon}{publisher}{sep}{year}" + (pages is null ? "" : $"{colon}{pages}") + stop;
                break;
            case 7:   // GB/T thesis
                byline = names[0];
                names = [names[0]];
                (place, publisher) = (Pick(random, ChinesePlaces), Pick(random, ChineseUniversities));
                text = $"{byline}{stop}{title}[D]{stop}{place}{colon}{publisher}{sep}{year}{stop}";
                break;
            case 8:   // the Taiwanese lists: fields apart by spaces, 第26期, pp.297~314, 2007年9月
                journal = ChineseJournal(random);
                (iss, pages) = ($"{issue}", $"{first}~{last}");
                byline = string.Join("、", names);
                text = $"{byline} {title} {journal} 第{issue}期 pp.{first}~{last} {year}年{random.Next(1, 13)}月";
                break;
            case 10:   // GB/T web page: 王伟. 标题[EB/OL]. (2019-01-25)[2020-03-01]. https://www.gov.cn/….htm.
                var (month, day) = (random.Next(1, 13), random.Next(1, 29));
                url = $"https://www.{Pick(random, ChineseSites)}/{year}-{month:00}/{day:00}/content_{random.Next(1000000, 9999999)}.htm";
                text = $"{byline}{stop}{title}[EB/OL]{stop}({year}-{month:00}-{day:00})[{year + 1}-{random.Next(1, 13):00}-{random.Next(1, 29):00}]{stop}{url}{stop}";
                break;
            case 11:   // GB/T newspaper: 李华. 标题[N]. 人民日报, 2019-01-25(05).
                journal = Pick(random, ChineseNewspapers);
                text = $"{byline}{stop}{title}[N]{stop}{journal}{sep}{year}-{random.Next(1, 13):00}-{random.Next(1, 29):00}({random.Next(1, 20):00}){stop}";
                break;
            case 12:   // a book in a footnote: 钱穆：《中国历代政治得失》，北京：三联书店，2001年，第45页。
                (place, publisher) = (Pick(random, ChinesePlaces), Pick(random, ChinesePublishers));
                pages = $"{first}";
                text = $"{string.Join("、", names)}：《{title}》，{(random.Next(2) == 0 ? place + "：" : "")}{publisher}，{year}年，第{first}页。";
                if (!text.Contains(place + "：")) place = null;
                break;
            default:   // the humanities: 王小明：《中国近代史研究》，《历史研究》2005年第3期。
                journal = ChineseJournal(random);
                iss = $"{issue}";
                text = $"{string.Join("、", names)}：《{title}》，《{journal}》{year}年第{issue}期。";
                break;
        }
        if (random.Next(4) == 0) text = $"[{random.Next(1, 60)}] " + text;
        var gold = new Gold(names, [], Prepared(title), year, Prepared(journal), vol, iss, pages, publisher, place, doi, url, null);
        return new LabelledReference(item.Id + "-zh", item.Split, text, gold);
    }

    /// <summary>Japanese: the author-year form with 「title」『journal』, SIST's <c>Vol., No., pp.</c> form, and books in 『』.</summary>
    static LabelledReference Japanese(LabelledReference item, int year, Random random)
    {
        var names = Enumerable.Range(0, random.Next(1, 4)).Select(_ => JapaneseName(random)).Distinct().ToList();
        var title = JapaneseTitle(random);
        var (volume, issue, first, last) = Numbers(item.Gold, random);
        var wide = random.Next(2) == 0;
        string? journal = null, publisher = null, place = null, vol = null, iss = null, pages = null;
        string text;
        var kind = random.Next(5);
        if (kind is 0 or 1 or 3) (vol, iss, pages) = ($"{volume}", $"{issue}", $"{first}-{last}");
        switch (kind)
        {
            case 0:   // 山田太郎・鈴木一郎（2010）「…」『言語研究』12(3), 45-67.
                journal = Pick(random, JapaneseJournals);
                text = $"{string.Join("・", names)}{(wide ? $"（{year}）" : $" ({year})")}「{title}」『{journal}』{volume}({issue}), {first}-{last}.";
                break;
            case 1:   // SIST: 山田太郎, 鈴木一郎. 日本語の文法構造. 言語研究. 2010, vol. 12, no. 3, p. 45-67.
                journal = Pick(random, JapaneseJournals);
                text = random.Next(2) == 0
                    ? $"{string.Join(", ", names)}. {title}. {journal}. {year}, vol. {volume}, no. {issue}, p. {first}-{last}."
                    : $"{string.Join("，", names)}：{title}，{journal}，Vol.{volume}，No.{issue}，pp.{first}-{last}，{year}．";
                break;
            case 3:   // law and the humanities: 南部篤「…」日本法学第78巻第2号（2012年9月）84頁 / 「…」『史学雑誌』第78巻第2号, 84-90頁, 2012年
                journal = Pick(random, JapaneseJournals);
                pages = $"{first}";
                text = random.Next(2) == 0
                    ? $"{names[0]}「{title}」{journal}第{volume}巻第{issue}号（{year}年{random.Next(1, 13)}月）{first}頁"
                    : $"{names[0]}「{title}」『{journal}』第{volume}巻第{issue}号，{first}-{last}頁，{year}年";
                names = [names[0]];
                break;
            case 4:   // the news, as blogs cite it: 総務省 IoT機器に無差別侵入し調査へ 前例ない調査に懸念も, NHKニュース, 2019年1月25日.
                title = title + " " + JapaneseTitle(random);
                journal = Pick(random, JapaneseNewsOutlets);
                names = [];
                text = $"{title}, {journal}, {year}年{random.Next(1, 13)}月{random.Next(1, 29)}日.";
                break;
            default:   // a book: 佐藤健（2015）『社会学入門』有斐閣. / 佐藤健 (2015).『…』東京: 有斐閣.
                publisher = Pick(random, JapanesePublishers);
                if (random.Next(2) == 0) place = Pick(random, JapanesePlaces);
                text = $"{string.Join("・", names)}{(wide ? $"（{year}）" : $" ({year}).")}『{title}』{(place is null ? "" : place + ": ")}{publisher}{(wide ? "。" : ".")}";
                break;
        }
        var gold = new Gold(names, [], Prepared(title), year, Prepared(journal), vol, iss, pages, publisher, place, null, null, null);
        return new LabelledReference(item.Id + "-ja", item.Split, text, gold);
    }
}
