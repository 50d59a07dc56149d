using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.References;

/// <summary>
/// Which elements are the article: Readability's scoring (paragraph text, commas and link density credited to
/// ancestors, class and id hints, sibling merging, conditional cleaning of link-heavy blocks), run over a
/// <see cref="DomIndex"/>. Relaxes its filters, as Readability does, when the first attempt finds too little text.
/// </summary>
static class MainContent
{
    const int CharThreshold = 500;

    [Flags]
    enum Pass { None = 0, StripUnlikely = 1, WeightClasses = 2, CleanConditionally = 4, All = 7 }

    /// <summary>For each element of <paramref name="dom"/>, whether it lies inside the article content.</summary>
    public static bool[] Find(DomIndex dom)
    {
        var hints = Hints.Read(dom);
        bool[]? best = null;
        var bestLength = -1;
        foreach (var pass in new[] { Pass.All, Pass.WeightClasses | Pass.CleanConditionally, Pass.CleanConditionally, Pass.None })
        {
            var (content, length) = Attempt(dom, hints, pass);
            if (length >= CharThreshold) return content;
            if (length > bestLength) (best, bestLength) = (content, length);
        }
        return best!;
    }

    // What each element's tag, class, id and role say, read once for all attempts.
    sealed class Hints
    {
        public bool[] AlwaysOut = [];
        public bool[] Unlikely = [];
        public bool[] Share = [];
        public int[] Weight = [];

        /// <summary>Whether an element has a <c>code</c> / <c>figure</c> ancestor: asked for every block on every attempt.</summary>
        public bool[] InCode = [];
        public bool[] InFigure = [];
        public bool[] InTable = [];

        public static Hints Read(DomIndex dom)
        {
            var n = dom.Count;
            var hints = new Hints { AlwaysOut = new bool[n], Unlikely = new bool[n], Share = new bool[n], Weight = new int[n], InCode = new bool[n], InFigure = new bool[n], InTable = new bool[n] };
            var inTableOrCode = new bool[n];
            var (classLists, idLists) = (dom.ClassLists, dom.IdLists);
            for (var i = 0; i < n; i++)
            {
                var parent = dom.Parent[i];
                var tag = dom.Tag[i];
                var parentTag = parent >= 0 ? dom.Tag[parent] : "";
                inTableOrCode[i] = parent >= 0 && (inTableOrCode[parent] || parentTag is "table" or "code");
                hints.InCode[i] = parent >= 0 && (hints.InCode[parent] || parentTag == "code");
                hints.InFigure[i] = parent >= 0 && (hints.InFigure[parent] || parentTag == "figure");
                hints.InTable[i] = parent >= 0 && (hints.InTable[parent] || parentTag == "table");
                var role = dom.Role[i];
                hints.AlwaysOut[i] = dom.Hidden[i] || tag == "dialog" || role == "dialog";
                var (inClass, inId) = (classLists[i], idLists[i]);
                var both = inClass | inId;
                hints.Weight[i] = Weight(inClass) + Weight(inId);
                hints.Share[i] = (both & ClassWords.Lists.Share) != 0;
                var unlikely = (both & (ClassWords.Lists.Unlikely | ClassWords.Lists.Maybe)) == ClassWords.Lists.Unlikely;
                if (i == 0 || tag is "a" or "body") continue;
                hints.Unlikely[i] = (unlikely && !inTableOrCode[i])
                    || role is "menu" or "menubar" or "complementary" or "navigation" or "alert" or "alertdialog" or "dialog";
            }
            return hints;
        }
    }

    static (bool[] Content, int Length) Attempt(DomIndex dom, Hints hints, Pass pass)
    {
        var n = dom.Count;
        var excluded = new bool[n];
        var weights = (pass & Pass.WeightClasses) != 0 ? hints.Weight : new int[n];
        var strip = (pass & Pass.StripUnlikely) != 0;
        for (var i = 0; i < n; i++)
        {
            var parent = dom.Parent[i];
            excluded[i] = (parent >= 0 && excluded[parent]) || hints.AlwaysOut[i] || (strip && hints.Unlikely[i]);
        }

        var score = new double[n];
        var initialized = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (excluded[i]) continue;
            var tag = dom.Tag[i];
            int length, commas, first;
            if ((dom.Kind[i] & TagKind.Scored) != 0 || (tag == "div" && !dom.HasBlockChild[i]))
            {
                length = dom.Text[i];
                commas = dom.Commas[i];
                first = dom.Parent[i];
            }
            else if (tag == "div" && dom.OwnText[i] >= 25)
            {
                // Readability wraps a div's loose text in a paragraph: the div is that paragraph's parent.
                length = dom.OwnText[i];
                commas = dom.OwnCommas[i];
                first = i;
            }
            else continue;
            if (length < 25 || first < 0) continue;
            var contentScore = 1.0 + commas + Math.Min(length / 100, 3);
            var ancestor = first;
            for (var level = 0; level < 5 && ancestor >= 0; level++, ancestor = dom.Parent[ancestor])
            {
                if (!initialized[ancestor])
                {
                    initialized[ancestor] = true;
                    score[ancestor] = TagScore(dom.Tag[ancestor]) + weights[ancestor];
                }
                score[ancestor] += contentScore / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        var top = new List<int>(5);
        for (var i = 0; i < n; i++)
        {
            if (!initialized[i]) continue;
            score[i] *= 1 - dom.LinkDensity(i);
            var at = top.Count;
            while (at > 0 && score[top[at - 1]] < score[i]) at--;
            if (at < 5) { top.Insert(at, i); if (top.Count > 5) top.RemoveAt(5); }
        }

        var content = new bool[n];
        if (top.Count == 0 || dom.Tag[top[0]] == "body")
        {
            Include(dom, 0, excluded, content);
            return (content, Clean(dom, content, hints, weights, pass));
        }

        var candidate = Ascend(dom, top, score, initialized, excluded);
        var topScore = score[candidate];
        var siblingParent = dom.Parent[candidate];
        if (siblingParent < 0)
        {
            Include(dom, candidate, excluded, content);
            return (content, Clean(dom, content, hints, weights, pass));
        }
        var threshold = Math.Max(10, topScore * 0.2);
        var candidateClass = dom.Class[candidate] ?? "";
        for (var s = siblingParent + 1; s < dom.End[siblingParent]; s = dom.End[s])
        {
            if (excluded[s]) continue;
            var append = s == candidate;
            if (!append)
            {
                var bonus = candidateClass.Length > 0 && dom.Class[s] == candidateClass ? topScore * 0.2 : 0;
                if (initialized[s] && score[s] + bonus >= threshold) append = true;
                else if (dom.Tag[s] == "p")
                {
                    var density = dom.LinkDensity(s);
                    var length = dom.Text[s];
                    if (length > 80 && density < 0.25) append = true;
                    else if (length is > 0 and < 80 && density == 0 && EndsSentence(dom.Elements[s].TextContent)) append = true;
                }
            }
            if (append) Include(dom, s, excluded, content);
        }
        return (content, Clean(dom, content, hints, weights, pass));
    }

    // Readability's climb: toward a shared ancestor of strong alternatives, then up while the parent scores better.
    static int Ascend(DomIndex dom, List<int> top, double[] score, bool[] initialized, bool[] excluded)
    {
        var candidate = top[0];
        var alternatives = new List<int>();
        for (var i = 1; i < top.Count; i++)
            if (score[top[i]] / score[candidate] >= 0.75) alternatives.Add(top[i]);
        if (alternatives.Count >= 3)
        {
            for (var parent = dom.Parent[candidate]; parent > 0; parent = dom.Parent[parent])
            {
                var containing = 0;
                foreach (var alternative in alternatives)
                    if (alternative > parent && alternative < dom.End[parent]) containing++;
                if (containing >= 3) { candidate = parent; break; }
            }
        }
        var lastScore = score[candidate];
        var scoreThreshold = lastScore / 3;
        for (var parent = dom.Parent[candidate]; parent > 0; parent = dom.Parent[parent])
        {
            if (!initialized[parent]) continue;
            if (score[parent] < scoreThreshold) break;
            if (score[parent] > lastScore) { candidate = parent; break; }
            lastScore = score[parent];
        }
        while (dom.Parent[candidate] > 0 && VisibleChildren(dom, dom.Parent[candidate], excluded) == 1) candidate = dom.Parent[candidate];
        return candidate;
    }

    static int VisibleChildren(DomIndex dom, int parent, bool[] excluded)
    {
        var count = 0;
        for (var c = parent + 1; c < dom.End[parent]; c = dom.End[c])
            if (!excluded[c]) count++;
        return count;
    }

    static void Include(DomIndex dom, int root, bool[] excluded, bool[] content)
    {
        for (var i = root; i < dom.End[root]; i++)
            if (!excluded[i]) content[i] = true;
    }

    // Readability's prepArticle, as far as links are concerned: drop furniture and link-heavy blocks. Returns the text left.
    static int Clean(DomIndex dom, bool[] content, Hints hints, int[] weights, Pass pass)
    {
        var n = dom.Count;
        var dataTables = new Dictionary<int, bool>();
        for (var i = 0; i < n; i++)
        {
            if (!content[i]) continue;
            var parent = dom.Parent[i];
            var isRoot = parent < 0 || !content[parent];
            if (!ShouldDrop(dom, i, isRoot, hints, weights, pass, dataTables)) continue;
            for (var j = i; j < dom.End[i]; j++) content[j] = false;
            i = dom.End[i] - 1;
        }
        // Text of dropped blocks does not count toward the article's length.
        var length = 0;
        for (var i = 0; i < n; i++)
            if (content[i]) length += dom.OwnText[i];
        return length;
    }

    static bool ShouldDrop(DomIndex dom, int i, bool isRoot, Hints hints, int[] weights, Pass pass, Dictionary<int, bool> dataTables)
    {
        if (isRoot) return false;
        var kind = dom.Kind[i];
        if ((kind & TagKind.Furniture) != 0) return true;
        var tag = dom.Tag[i];
        if (hints.Share[i] && dom.Text[i] < 500) return true;
        if ((pass & Pass.WeightClasses) != 0 && tag is "h1" or "h2" && weights[i] < 0) return true;
        if ((pass & Pass.CleanConditionally) == 0 || (kind & TagKind.Conditional) == 0) return false;
        return CleanConditionally(dom, i, weights[i], hints, dataTables);
    }

    static bool CleanConditionally(DomIndex dom, int i, int weight, Hints hints, Dictionary<int, bool> dataTables)
    {
        var element = dom.Elements[i];
        var tag = dom.Tag[i];
        var text = dom.Text[i];
        var isList = tag is "ul" or "ol" || (text > 0 && (double)dom.ListText[i] / text > 0.9);
        if (tag == "table" && IsDataTable(dom, i, dataTables)) return false;
        if (hints.InCode[i] || (hints.InTable[i] && HasDataTableAncestor(dom, i, dataTables))) return false;
        if (weight < 0) return true;
        if (dom.Commas[i] >= 10) return false;
        var p = dom.Paragraphs[i];
        var img = dom.Images[i];
        var li = dom.ListItems[i] - 100;
        var input = dom.Inputs[i];
        var headingDensity = text == 0 ? 0 : (double)dom.HeadingText[i] / text;
        var embeds = dom.Embeds[i];
        var linkDensity = dom.LinkDensity(i);
        var inFigure = hints.InFigure[i];
        var remove = (!inFigure && img > 1 && (double)p / img < 0.5)
            || (!isList && li > p)
            || input > p / 3
            || (!isList && !inFigure && headingDensity < 0.9 && text < 25 && (img == 0 || img > 2) && linkDensity > 0)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (embeds == 1 && text < 75) || embeds > 1;
        if (isList && remove && dom.ListItems[i] > 0 && img == dom.ListItems[i]) return false;
        return remove;
    }

    static bool IsDataTable(DomIndex dom, int i, Dictionary<int, bool> known)
    {
        if (!known.TryGetValue(i, out var isData)) known[i] = isData = IsDataTable(dom, i);
        return isData;
    }

    static bool IsDataTable(DomIndex dom, int i)
    {
        var table = dom.Elements[i];
        if (table.GetAttribute("role") == "presentation" || table.GetAttribute("datatable") == "0") return false;
        if (table.HasAttribute("summary")) return true;
        int rows = 0, columns = 0;
        for (var j = i + 1; j < dom.End[i]; j++)
        {
            var tag = dom.Tag[j];
            if (tag is "caption" or "thead" or "tfoot" or "th" or "colgroup") return true;
            if (tag == "table") return false;
            if (tag == "tr")
            {
                rows++;
                var cells = 0;
                for (var c = j + 1; c < dom.End[j]; c = dom.End[c]) cells++;
                columns = Math.Max(columns, cells);
            }
        }
        return rows >= 10 || columns > 4 || rows * columns > 10;
    }

    static bool HasDataTableAncestor(DomIndex dom, int i, Dictionary<int, bool> known)
    {
        for (var a = dom.Parent[i]; a >= 0; a = dom.Parent[a])
            if (dom.Tag[a] == "table" && IsDataTable(dom, a, known)) return true;
        return false;
    }

    static bool EndsSentence(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.EndsWith(".") || trimmed.Contains(". ", StringComparison.Ordinal);
    }

    static int TagScore(string tag) => tag switch
    {
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    // Readability's class weight, for the class and for the id.
    static int Weight(ClassWords.Lists lists) =>
        ((lists & ClassWords.Lists.Negative) != 0 ? -25 : 0) + ((lists & ClassWords.Lists.Positive) != 0 ? 25 : 0);
}
