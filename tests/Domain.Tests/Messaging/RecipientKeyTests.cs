using PiriSite.Domain.Messaging;

namespace PiriSite.Domain.Tests.Messaging;

public class RecipientKeyTests
{
    [Theory]
    [InlineData("victim@example.com", "victim@example.com")]
    [InlineData(" Victim@EXAMPLE.com ", "victim@example.com")]
    [InlineData("victim+news@example.com", "victim@example.com")]
    [InlineData("victim@example.com.", "victim@example.com")]
    [InlineData("victim@ｅxample.com", "victim@example.com")]
    [InlineData("Jane.Doe+x@googlemail.com", "janedoe@gmail.com")]
    [InlineData("j.a.n.e.doe@gmail.com", "janedoe@gmail.com")]
    [InlineData("josé@bücher.example", "josé@xn--bcher-kva.example")]
    public void SpellingsOfOneMailboxHaveOneKey(string address, string expected) =>
        Assert.Equal(expected, RecipientKey.For(address));

    [Theory]
    [InlineData("jane.doe@example.com", "janedoe@example.com")]
    [InlineData("victim@example.com", "victim@example.org")]
    [InlineData("victim@example.com", "victim2@example.com")]
    public void DifferentMailboxesHaveDifferentKeys(string first, string second) =>
        Assert.NotEqual(RecipientKey.For(first), RecipientKey.For(second));
}
