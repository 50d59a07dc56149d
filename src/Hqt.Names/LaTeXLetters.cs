using System.Collections.Frozen;

namespace Hqt.Names;

/// <summary>
/// How LaTeX spells the letters plain pdflatex has: its own letters (<c>{\ss}</c>, <c>{\L}</c>) and the accent commands
/// that put a mark on a letter (<c>\"</c>, <c>\v</c>, <c>\H</c>). One table read both ways, by the BibTeX reader
/// (<c>Sch{\"o}lkopf</c> → Schölkopf) and by the BibTeX export (Łukasz → <c>{\L}ukasz</c>), so what we write we read
/// back as the same letters.
/// </summary>
public static class LaTeXLetters
{
    static readonly (string Command, char Letter)[] Letters =
    [
        ("ss", 'ß'), ("SS", 'ẞ'), ("ae", 'æ'), ("AE", 'Æ'), ("o", 'ø'), ("O", 'Ø'), ("oe", 'œ'), ("OE", 'Œ'), ("l", 'ł'), ("L", 'Ł'),
        ("dj", 'đ'), ("DJ", 'Đ'), ("th", 'þ'), ("TH", 'Þ'), ("dh", 'ð'), ("DH", 'Ð'), ("ng", 'ŋ'), ("NG", 'Ŋ'), ("i", 'ı'), ("j", 'ȷ'),
        ("aa", 'å'), ("AA", 'Å'),
    ];

    // The accent command and the combining mark it stands for.
    static readonly (char Command, char Mark)[] Accents =
    [
        ('`', '\u0300'), ('\'', '\u0301'), ('^', '\u0302'), ('~', '\u0303'), ('=', '\u0304'), ('u', '\u0306'), ('.', '\u0307'),
        ('"', '\u0308'), ('r', '\u030A'), ('H', '\u030B'), ('v', '\u030C'), ('d', '\u0323'), ('c', '\u0327'), ('k', '\u0328'),
        ('b', '\u0331'),
    ];

    static readonly FrozenDictionary<string, char> LetterByCommand = Letters.ToFrozenDictionary(l => l.Command, l => l.Letter, StringComparer.Ordinal);
    static readonly FrozenDictionary<char, string> CommandByLetter = Letters.ToFrozenDictionary(l => l.Letter, l => l.Command);
    static readonly FrozenDictionary<char, char> MarkByCommand = Accents.ToFrozenDictionary(a => a.Command, a => a.Mark);
    static readonly FrozenDictionary<char, char> CommandByMark = Accents.ToFrozenDictionary(a => a.Mark, a => a.Command);

    /// <summary>The command names of LaTeX's own letters, longest first (for a reader's alternation: "ss" before "s").</summary>
    public static IEnumerable<string> LetterCommands => Letters.Select(l => l.Command).OrderByDescending(c => c.Length);

    /// <summary>The letter a letter command (without its backslash) writes: "L" → 'Ł', "i" → 'ı'; null for any other name.</summary>
    public static char? LetterOf(string command) => LetterByCommand.TryGetValue(command, out var letter) ? letter : null;

    /// <summary>The letter command (without its backslash) that writes a letter: 'ß' → "ss"; null for a letter LaTeX
    /// writes otherwise (an accented one is a base and accent commands, see <see cref="AccentOf"/>).</summary>
    public static string? CommandOf(char letter) => CommandByLetter.GetValueOrDefault(letter);

    /// <summary>The combining mark an accent command puts on its letter: '"' → U+0308, 'v' → U+030C; null for another.</summary>
    public static char? MarkOf(char accentCommand) => MarkByCommand.TryGetValue(accentCommand, out var mark) ? mark : null;

    /// <summary>The accent command of a combining mark: U+0301 → '\'', U+0327 → 'c'; null when LaTeX has none.</summary>
    public static char? AccentOf(char mark) => CommandByMark.TryGetValue(mark, out var command) ? command : null;
}
