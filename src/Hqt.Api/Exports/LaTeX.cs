using System.Text;
using Hqt.Names;

namespace Hqt.Api.Exports;

/// <summary>
/// Text as LaTeX writes it, for BibTeX files that pdflatex (with biber or bibtex) builds without a Unicode setup:
/// TeX's special characters escaped, accented Latin letters as accent commands (<c>{\"u}</c>), other Latin
/// letters, Greek letters and common symbols as their macros. The chosen contract: an export is plain ASCII for
/// every letter pdflatex can typeset; characters no standard pdflatex font has (CJK, Cyrillic, Arabic…) stay UTF-8,
/// which biber reads and xelatex/lualatex typeset (pdflatex needs a package for that script).
/// </summary>
public static class LaTeX
{
    static readonly Dictionary<char, string> Symbols = new()
    {
        ['\\'] = @"\textbackslash{}", ['{'] = @"\{", ['}'] = @"\}", ['%'] = @"\%", ['&'] = @"\&", ['$'] = @"\$", ['#'] = @"\#",
        ['_'] = @"\_", ['~'] = @"\textasciitilde{}", ['^'] = @"\textasciicircum{}", ['<'] = "$<$", ['>'] = "$>$", ['|'] = "$|$",
        ['–'] = "--", ['—'] = "---", ['‐'] = "-", ['‑'] = "-", ['‒'] = "--", ['−'] = "$-$", ['‘'] = "`", ['’'] = "'", ['‚'] = ",",
        ['“'] = "``", ['”'] = "''", ['„'] = ",,", ['…'] = @"\ldots{}", ['«'] = @"\guillemotleft{}", ['»'] = @"\guillemotright{}",
        ['‹'] = @"\guilsinglleft{}", ['›'] = @"\guilsinglright{}", ['\u00A0'] = "~", ['\u2009'] = @"\,", ['\u202F'] = @"\,",
        ['\u2002'] = " ", ['\u2003'] = " ", ['\u200B'] = "", ['\u00AD'] = "", ['\u200E'] = "", ['\u200F'] = "", ['\uFEFF'] = "",
        ['°'] = @"\textdegree{}", ['©'] = @"\textcopyright{}", ['®'] = @"\textregistered{}", ['™'] = @"\texttrademark{}",
        ['€'] = @"\texteuro{}", ['£'] = @"\pounds{}", ['¥'] = @"\textyen{}", ['¢'] = @"\textcent{}", ['§'] = @"\S{}", ['¶'] = @"\P{}",
        ['†'] = @"\dag{}", ['‡'] = @"\ddag{}", ['•'] = @"\textbullet{}", ['·'] = @"\textperiodcentered{}", ['¿'] = "?`", ['¡'] = "!`",
        ['×'] = @"$\times$", ['÷'] = @"$\div$", ['±'] = @"$\pm$", ['≤'] = @"$\leq$", ['≥'] = @"$\geq$", ['≠'] = @"$\neq$",
        ['≈'] = @"$\approx$", ['∞'] = @"$\infty$", ['→'] = @"$\rightarrow$", ['←'] = @"$\leftarrow$", ['↔'] = @"$\leftrightarrow$",
        ['⇒'] = @"$\Rightarrow$", ['′'] = "$'$", ['″'] = "$''$", ['µ'] = @"$\mu$", ['½'] = @"\textonehalf{}", ['¼'] = @"\textonequarter{}",
        ['¾'] = @"\textthreequarters{}", ['²'] = @"\texttwosuperior{}", ['³'] = @"\textthreesuperior{}", ['¹'] = @"\textonesuperior{}",
        ['ª'] = @"\textordfeminine{}", ['º'] = @"\textordmasculine{}", ['∼'] = @"$\sim$", ['∈'] = @"$\in$", ['∑'] = @"$\sum$",
        ['√'] = @"$\surd$", ['∂'] = @"$\partial$", ['∆'] = @"$\Delta$", ['∇'] = @"$\nabla$", ['⟨'] = @"$\langle$", ['⟩'] = @"$\rangle$",
        ['ℓ'] = @"$\ell$", ['ℏ'] = @"$\hbar$", ['★'] = @"$\star$", ['✓'] = @"$\checkmark$",
    };

    // Greek in math mode: plain pdflatex has no Greek text font, and every Greek letter has a math macro
    // (the capitals that look Latin are written as upright Latin letters, as Greek typesetting does).
    const string GreekLower = "αβγδεζηθικλμνξοπρςστυφχψω";
    static readonly string[] GreekLowerMacros =
        ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "o", "pi", "rho",
         "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"];
    const string GreekUpper = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ";
    static readonly string[] GreekUpperMacros =
        ["A", "B", @"\Gamma", @"\Delta", "E", "Z", "H", @"\Theta", "I", "K", @"\Lambda", "M", "N", @"\Xi", "O", @"\Pi", "P", @"\Sigma", "T",
         @"\Upsilon", @"\Phi", "X", @"\Psi", @"\Omega"];
    const string GreekTonos = "άέήίόύώΆΈΉΊΌΎΏϊϋΐΰϑϕϵϖ";
    const string GreekPlain = "αεηιουωΑΕΗΙΟΥΩιυιυθφεπ";

    /// <summary>
    /// The LaTeX accent command of each combining mark after a letter, nearest the letter first (<c>'</c> for \', <c>v</c>
    /// for \v, <c>c</c> for the cedilla); null when a mark has none, and the letter is then written as it is (UTF-8, as other
    /// scripts). Vietnamese hook above and horn have no command without the vietnam package: those marks are dropped.
    /// </summary>
    static char[]? AccentCommands(string decomposed)
    {
        var commands = new List<char>(2);
        foreach (var mark in decomposed.AsSpan(1))
        {
            if (mark is '\u0309' or '\u031B') continue;
            if (LaTeXLetters.AccentOf(mark) is not { } command) return null;
            commands.Add(command);
        }
        return commands.ToArray();
    }

    /// <summary>The text escaped for a BibTeX field: nothing in it can end the field or the entry, or stop pdflatex.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text) Append(result, c);
        return result.ToString();
    }

    static void Append(StringBuilder result, char c)
    {
        if (c is '\n' or '\r' or '\t') { result.Append(' '); return; }
        if (c < 0x80 && !Symbols.ContainsKey(c)) { result.Append(c); return; }
        if (Symbols.TryGetValue(c, out var symbol)) { result.Append(symbol); return; }
        if (LaTeXLetters.CommandOf(c) is { } command) { result.Append(@"{\").Append(command).Append('}'); return; }
        if (LatinDiacritics.DecompositionOf(c) is { } decomposed && char.IsAsciiLetter(decomposed[0]) && AccentCommands(decomposed) is { } marks)
        {
            var letter = decomposed[0];
            // Accents above an i go on the dotless one.
            var body = letter is 'i' && marks.Any(m => m is not ('d' or 'b' or 'c' or 'k')) ? @"\i" : letter.ToString();
            foreach (var mark in marks)
                body = char.IsAsciiLetter(mark) || body.Length > 1 ? $@"\{mark}{{{body}}}" : $@"\{mark}{body}";
            result.Append('{').Append(body).Append('}');
            return;
        }
        var tonos = GreekTonos.IndexOf(c);
        if (tonos >= 0) c = GreekPlain[tonos];
        var greek = GreekLower.IndexOf(c);
        if (greek >= 0) { result.Append(GreekLowerMacros[greek] == "o" ? "$o$" : $@"$\{GreekLowerMacros[greek]}$"); return; }
        greek = GreekUpper.IndexOf(c);
        if (greek >= 0)
        {
            var macro = GreekUpperMacros[greek];
            result.Append(macro.StartsWith('\\') ? $"${macro}$" : macro);
            return;
        }
        // Any other script stays as written (see the class comment).
        result.Append(c);
    }

    /// <summary>
    /// A title for BibTeX: escaped, with braces around each word whose capitals must survive a style that lowers
    /// the case of titles (APA through biblatex or pandoc): proper nouns and acronyms ("{Tecumseh}", "{DNA}").
    /// The first word keeps its capital anyway, so it is braced only when it has capitals past its first letter.
    /// </summary>
    public static string Title(string title)
    {
        var result = new StringBuilder(title.Length + 32);
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0) result.Append(' ');
            var word = words[i];
            var capitals = word.Count(char.IsUpper);
            var firstLetter = word.FirstOrDefault(char.IsLetter);
            var protect = i == 0 ? capitals > (char.IsUpper(firstLetter) ? 1 : 0) : capitals > 0;
            if (!protect) { result.Append(Escape(word)); continue; }
            // Punctuation around the word stays outside its braces: "{Tecumseh}," not "{Tecumseh,}".
            var start = 0;
            var end = word.Length;
            while (start < end && !char.IsLetterOrDigit(word[start])) start++;
            while (end > start && !char.IsLetterOrDigit(word[end - 1]) && word[end - 1] != '.') end--;
            result.Append(Escape(word[..start])).Append('{').Append(Escape(word[start..end])).Append('}').Append(Escape(word[end..]));
        }
        return result.ToString();
    }
}
