using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("(833) 600-0029", "tel:+18336000029")]
    [InlineData("833.600.0029", "tel:+18336000029")]
    [InlineData("+1 833 600 0029", "tel:+18336000029")]
    [InlineData("+33 1 23 45 67 89", "tel:+33123456789")]
    public void PhoneNumbersBecomeInternationalTelLinks(string phone, string expected) =>
        Assert.Equal(expected, PhoneNumber.ToTelUri(phone));
}
