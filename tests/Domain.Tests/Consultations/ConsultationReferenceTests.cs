using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

public class ConsultationReferenceTests
{
    [Fact]
    public void ReferencesAreShortReadableAndValid()
    {
        var reference = ConsultationReference.Generate();

        Assert.Matches("^PR-[2-9A-HJ-KMNP-Z]{6}$", reference);
        Assert.True(ConsultationReference.IsValid(reference));
    }

    [Fact]
    public void ReferencesNeverUseCharactersThatLookAlike()
    {
        var characters = string.Concat(Enumerable.Range(0, 2000).Select(_ => ConsultationReference.Generate()[3..]));

        Assert.DoesNotContain('0', characters);
        Assert.DoesNotContain('O', characters);
        Assert.DoesNotContain('1', characters);
        Assert.DoesNotContain('I', characters);
        Assert.DoesNotContain('L', characters);
    }

    [Fact]
    public void EveryPositionUsesTheWholeAlphabet()
    {
        // 3,000 draws leave a given character unused at a given position with odds of about 1 in 10^42:
        // a real test of randomness that does not fail by chance (unlike a no-duplicates check).
        var references = Enumerable.Range(0, 3000).Select(_ => ConsultationReference.Generate()[3..]).ToList();

        for (var position = 0; position < ConsultationReference.CodeLength; position++)
        {
            Assert.Equal(31, references.Select(r => r[position]).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PR-7K3Q9")]
    [InlineData("PR-7K3Q9DX")]
    [InlineData("pr-7K3Q9D")]
    [InlineData("PR-7K3Q0D")]
    [InlineData("XX-7K3Q9D")]
    public void MalformedReferencesAreNotValid(string? reference) => Assert.False(ConsultationReference.IsValid(reference));
}
