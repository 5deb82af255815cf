using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

public sealed class ContentDiffTests
{
    [Fact]
    public void OnlyTheChangedWordIsMarked()
    {
        Assert.Equal(
            [new(DiffChange.Same, "The quick "), new(DiffChange.Removed, "brown"), new(DiffChange.Added, "red"), new(DiffChange.Same, " fox.")],
            ContentDiff.CompareWords("The quick brown fox.", "The quick red fox."));
    }

    [Fact]
    public void ChangesWithOnlySpacesBetweenThemReadAsOne()
    {
        Assert.Equal(
            [new(DiffChange.Same, "A "), new(DiffChange.Removed, "quick brown"), new(DiffChange.Added, "slow red"), new(DiffChange.Same, " fox.")],
            ContentDiff.CompareWords("A quick brown fox.", "A slow red fox."));
    }

    [Fact]
    public void PunctuationNextToAWordIsNotMarkedAgain()
    {
        Assert.Equal(
            [new(DiffChange.Same, "What is 287(g)?"), new(DiffChange.Added, " In short")],
            ContentDiff.CompareWords("What is 287(g)?", "What is 287(g)? In short"));
    }

    [Fact]
    public void ParagraphsAreWhatBlankLinesSeparate()
    {
        Assert.Equal(["## Title", "One\nline two", "- a\n- b"], ContentDiff.Paragraphs("## Title\r\n\r\nOne\r\nline two\n\n \n\n- a\n- b\n"));
    }

    [Fact]
    public void TheSameParagraphsShowNothing()
    {
        Assert.Empty(ContentDiff.CompareParagraphs("One.\n\nTwo.", "One.\n\n\nTwo.\n"));
    }

    [Fact]
    public void ARewrittenParagraphIsShownRemovedThenAdded()
    {
        var rows = ContentDiff.CompareParagraphs("Intro.\n\nThe old wording of it.\n\nEnd.", "Intro.\n\nSomething else entirely, now.\n\nEnd.");

        Assert.Equal([ParagraphChange.Context, ParagraphChange.Removed, ParagraphChange.Added, ParagraphChange.Context], rows.Select(r => r.Change));
        Assert.Equal(new DiffSpan(DiffChange.Removed, "The old wording of it."), rows[1].Spans.Single());
        Assert.Equal(new DiffSpan(DiffChange.Added, "Something else entirely, now."), rows[2].Spans.Single());
    }

    [Fact]
    public void ALongChangedParagraphIsShortenedAroundItsChange()
    {
        var before = string.Join(" ", Enumerable.Repeat("Words before the change.", 20)) + " The hearing is on Monday. "
            + string.Join(" ", Enumerable.Repeat("Words after the change.", 20));

        var row = ContentDiff.CompareParagraphs(before, before.Replace("on Monday", "on Tuesday", StringComparison.Ordinal)).Single();

        Assert.Equal(ParagraphChange.Changed, row.Change);
        Assert.StartsWith("… ", row.Spans[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("The hearing is on ", row.Spans[0].Text, StringComparison.Ordinal);
        Assert.True(row.Spans[0].Text.Length < 120, row.Spans[0].Text);
        Assert.Equal([new(DiffChange.Removed, "Monday"), new(DiffChange.Added, "Tuesday")], row.Spans.Skip(1).Take(2));
        Assert.EndsWith(" …", row.Spans[3].Text, StringComparison.Ordinal);
        Assert.True(row.Spans[3].Text.Length < 120, row.Spans[3].Text);
    }

    [Fact]
    public void AFieldShowsItsRemovedWordsBeforeAndItsAddedWordsAfter()
    {
        var field = ContentDiff.CompareField("Title", "Work permits", "Work visas");

        Assert.Equal([new(DiffChange.Same, "Work "), new(DiffChange.Removed, "permits")], field.Before);
        Assert.Equal([new(DiffChange.Same, "Work "), new(DiffChange.Added, "visas")], field.After);
    }

    [Theory]
    [InlineData(1, "Created", RevisionChanges.None, "Created")]
    [InlineData(2, "Edited", RevisionChanges.Summary | RevisionChanges.Text, "Summary, Text")]
    [InlineData(3, "Published", RevisionChanges.Title | RevisionChanges.Text | RevisionChanges.Status | RevisionChanges.PublishDate, "Title, Text; published")]
    [InlineData(4, "Unpublished", RevisionChanges.Status, "Unpublished")]
    [InlineData(5, "Edited", RevisionChanges.PublishDate, "Publishing")]
    [InlineData(6, "Edited", RevisionChanges.None, "No changes")]
    [InlineData(7, "Restored revision 3", RevisionChanges.Text | RevisionChanges.SeoTitle, "Restored revision 3: Text, Search title")]
    [InlineData(8, "Edited", null, "Edited")]
    public void TheHistoryNamesTheChangedFields(int number, string note, RevisionChanges? changes, string expected)
    {
        Assert.Equal(expected, ContentLabels.Changes(new RevisionSummary(number, DateTime.UnixEpoch, "Michael Piri", note, changes), ContentKind.Article));
    }
}
