using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// Compares two versions of a page for a reader on a phone: the text paragraph by paragraph (a paragraph is what a
/// blank line ends), showing only the changed ones, each with the changed words marked and a few lines of the
/// paragraphs around it; the other fields as their value before and after. Pure: the caller reads the revisions.
/// </summary>
public static partial class ContentDiff
{
    // About three lines on a phone: the context kept of a neighbouring paragraph, and of a long unchanged run inside
    // a changed one (on each side of a change), so that the change itself is near the top of the screen.
    private const int ContextCharacters = 100;

    // A "changed" pair of paragraphs that keeps less than this share of its words is shown as one removed and one added.
    private const double SamenessToPair = 0.3;

    // Words, runs of spaces, and each other character (punctuation, Markdown) as pieces of their own, so that only
    // the changed word is marked ("Program?" then "Program? More" adds " More", not a new "? ").
    private static readonly CustomFunctionChunker Words = new(text => WordPieces().Matches(text).Select(m => m.Value).ToArray());

    /// <summary>The words of <paramref name="after"/> against <paramref name="before"/>, in reading order: kept, removed, added.</summary>
    public static IReadOnlyList<DiffSpan> CompareWords(string? before, string? after)
    {
        before ??= "";
        after ??= "";
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Words);
        var spans = new List<DiffSpan>();
        var kept = 0;
        foreach (var block in MergeAcrossSpaces(result))
        {
            Add(spans, DiffChange.Same, result.PiecesOld, kept, block.DeleteStartA - kept);
            Add(spans, DiffChange.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(spans, DiffChange.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            kept = block.DeleteStartA + block.DeleteCountA;
        }

        Add(spans, DiffChange.Same, result.PiecesOld, kept, result.PiecesOld.Count - kept);
        return spans;
    }

    /// <summary>A field's value before and after, each with its changed words marked.</summary>
    public static FieldChange CompareField(string field, string? before, string? after)
    {
        var words = CompareWords(before, after);
        return new FieldChange(field, words.Where(w => w.Change != DiffChange.Added).ToList(), words.Where(w => w.Change != DiffChange.Removed).ToList());
    }

    /// <summary>
    /// The changed paragraphs of <paramref name="after"/> against <paramref name="before"/>, each with up to
    /// <paramref name="context"/> unchanged paragraphs on either side (shortened to the lines nearest the change), and
    /// the unchanged paragraphs between as counts. Empty when the texts have the same paragraphs.
    /// </summary>
    public static IReadOnlyList<DiffParagraph> CompareParagraphs(string? before, string? after, int context = 1)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, new CustomFunctionChunker(Paragraphs));
        var rows = new List<DiffParagraph>();
        var kept = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; kept < block.DeleteStartA; kept++)
            {
                rows.Add(Unchanged(result.PiecesOld[kept]));
            }

            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < Math.Max(block.DeleteCountA, block.InsertCountB); i++)
            {
                var removed = i < block.DeleteCountA ? result.PiecesOld[block.DeleteStartA + i] : null;
                var added = i < block.InsertCountB ? result.PiecesNew[block.InsertStartB + i] : null;
                rows.AddRange(i < paired ? Changed(removed!, added!) : removed is not null ? [Whole(ParagraphChange.Removed, removed)] : [Whole(ParagraphChange.Added, added!)]);
            }

            kept = block.DeleteStartA + block.DeleteCountA;
        }

        for (; kept < result.PiecesOld.Count; kept++)
        {
            rows.Add(Unchanged(result.PiecesOld[kept]));
        }

        return WithContext(rows, context);
    }

    /// <summary>The paragraphs of a Markdown text: what blank lines separate, each trimmed (line breaks inside kept).</summary>
    public static string[] Paragraphs(string text) =>
        BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToArray();

    // Two changes with only spaces between them read as one ("<del>quick brown</del><ins>slow red</ins>").
    private static List<DiffBlock> MergeAcrossSpaces(DiffResult result)
    {
        var merged = new List<DiffBlock>();
        foreach (var block in result.DiffBlocks)
        {
            var last = merged.Count > 0 ? merged[^1] : null;
            var gapStart = last is null ? 0 : last.DeleteStartA + last.DeleteCountA;
            if (last is not null && result.PiecesOld.Skip(gapStart).Take(block.DeleteStartA - gapStart).All(string.IsNullOrWhiteSpace))
            {
                merged[^1] = new DiffBlock(
                    last.DeleteStartA, block.DeleteStartA + block.DeleteCountA - last.DeleteStartA,
                    last.InsertStartB, block.InsertStartB + block.InsertCountB - last.InsertStartB);
            }
            else
            {
                merged.Add(block);
            }
        }

        return merged;
    }

    private static void Add(List<DiffSpan> spans, DiffChange change, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count > 0)
        {
            spans.Add(new DiffSpan(change, string.Concat(pieces.Skip(start).Take(count))));
        }
    }

    private static DiffParagraph Unchanged(string text) => new(ParagraphChange.Context, [new DiffSpan(DiffChange.Same, text)]);

    private static DiffParagraph Whole(ParagraphChange change, string text) =>
        new(change, [new DiffSpan(change == ParagraphChange.Added ? DiffChange.Added : DiffChange.Removed, text)]);

    // A rewritten paragraph is shown as removed and added; an edited one with its changed words marked and its
    // long unchanged runs shortened around them.
    private static DiffParagraph[] Changed(string before, string after)
    {
        var spans = CompareWords(before, after);
        var same = spans.Where(s => s.Change == DiffChange.Same).Sum(s => s.Text.Trim().Length);
        if (same < SamenessToPair * Math.Max(before.Length, after.Length))
        {
            return [Whole(ParagraphChange.Removed, before), Whole(ParagraphChange.Added, after)];
        }

        return [new DiffParagraph(ParagraphChange.Changed, spans.Select((span, i) => span.Change != DiffChange.Same ? span
            : span with { Text = Shorten(span.Text, keepStart: i > 0, keepEnd: i < spans.Count - 1) }).ToList())];
    }

    // Keeps the unchanged paragraphs within `context` of a change (shortened towards it); the others become counts.
    private static List<DiffParagraph> WithContext(List<DiffParagraph> rows, int context)
    {
        var changes = rows.Select((row, i) => (row, i)).Where(x => x.row.IsChange).Select(x => x.i).ToList();
        var shown = new List<DiffParagraph>();
        if (changes.Count == 0)
        {
            return shown;
        }

        var skipped = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var nextChange = changes.FirstOrDefault(c => c >= i, int.MaxValue);
            var lastChange = changes.LastOrDefault(c => c <= i, int.MinValue);
            if (rows[i].IsChange || nextChange - i <= context || (long)i - lastChange <= context)
            {
                if (skipped > 0)
                {
                    shown.Add(new DiffParagraph(ParagraphChange.Skipped, [], skipped));
                    skipped = 0;
                }

                shown.Add(rows[i].IsChange ? rows[i] : rows[i] with
                {
                    Spans = [new DiffSpan(DiffChange.Same, Shorten(rows[i].Spans[0].Text, keepStart: nextChange - i > (long)i - lastChange, keepEnd: nextChange - i <= (long)i - lastChange))],
                });
            }
            else
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            shown.Add(new DiffParagraph(ParagraphChange.Skipped, [], skipped));
        }

        return shown;
    }

    // The start and/or the end of an unchanged run, cut at a space, with "…" where words were left out.
    private static string Shorten(string text, bool keepStart, bool keepEnd)
    {
        var keep = keepStart && keepEnd ? 2 * ContextCharacters : ContextCharacters;
        if (text.Length <= keep + 20)
        {
            return text;
        }

        var head = keepStart ? text[..CutAt(text, ContextCharacters, forward: false)].TrimEnd() + " …" : "";
        var tail = keepEnd ? "… " + text[CutAt(text, text.Length - ContextCharacters, forward: true)..].TrimStart() : "";
        return keepStart && keepEnd ? $"{head} {tail[2..]}" : head + tail;
    }

    private static int CutAt(string text, int index, bool forward)
    {
        var space = forward ? text.IndexOf(' ', index) : text.LastIndexOf(' ', index);
        return space > 0 ? space : index;
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\w+|\s+|.", RegexOptions.Singleline)]
    private static partial Regex WordPieces();
}
