using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Tests.Services.Caching;

/// <summary>A change as instances tell each other of it over Redis ("Article:12"); anything unreadable means everything.</summary>
public class ContentChangeTests
{
    [Fact]
    public void AChangeReadsBackAsWritten()
    {
        var change = ContentChange.Page(ContentKind.PracticeArea, 12);

        Assert.Equal("PracticeArea:12", change.ToString());
        Assert.Equal(change, ContentChange.Parse(change.ToString()));
        Assert.Equal(ContentChange.Topics, ContentChange.Parse(ContentChange.Topics.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Article")]
    [InlineData("Article:")]
    [InlineData("Article:-3")]
    [InlineData("99:0")]
    [InlineData("Chapter:4")]
    public void AnUnreadableChangeIsReadAsEverything(string text) =>
        Assert.Equal(ContentChange.Everything, ContentChange.Parse(text));
}
