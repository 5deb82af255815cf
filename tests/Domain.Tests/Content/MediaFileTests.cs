using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class MediaFileTests
{
    [Fact]
    public void AltTextIsRequired() =>
        Assert.Equal("Describe the image for people who cannot see it (alt text).", MediaFile.AltTextProblem(""));

    [Fact]
    public void AltTextUpToTheColumnLengthIsAcceptedAndOneCharacterMoreIsNot()
    {
        Assert.Null(MediaFile.AltTextProblem(new string('a', MediaFile.AltTextMaxLength)));
        Assert.Equal("Keep the alt text to 300 characters or fewer.", MediaFile.AltTextProblem(new string('a', MediaFile.AltTextMaxLength + 1)));
    }
}
