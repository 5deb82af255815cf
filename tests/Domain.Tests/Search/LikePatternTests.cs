using PiriSite.Domain.Search;

namespace PiriSite.Domain.Tests.Search;

public class LikePatternTests
{
    [Theory]
    [InlineData("maria", "%maria%")]
    [InlineData("  50% off_ ", "%50 off%")]
    [InlineData("%_%", null)]
    [InlineData(@"C:\docs\maria", "%C:docsmaria%")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void WildcardsTypedAreRemovedAndNothingLeftMeansNoSearch(string? typed, string? pattern) =>
        Assert.Equal(pattern, LikePattern.Containing(typed));
}
