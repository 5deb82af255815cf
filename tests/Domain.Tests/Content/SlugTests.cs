using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class SlugTests
{
    [Theory]
    [InlineData("asylum")]
    [InlineData("42b-cancellation-of-removal")]
    [InlineData("what-is-the-ice-287g-program")]
    [InlineData("a")]
    [InlineData("k-1-fiancee-visa")]
    public void ValidSlugsAreAccepted(string slug) => Assert.True(Slug.IsValid(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Asylum")]
    [InlineData("asylum ")]
    [InlineData("-asylum")]
    [InlineData("asylum-")]
    [InlineData("asylum--lawyer")]
    [InlineData("asylum_lawyer")]
    [InlineData("asylum/lawyer")]
    [InlineData("../admin")]
    [InlineData("fiancé")]
    [InlineData("asylum\n")]
    [InlineData("%2e%2e")]
    public void InvalidSlugsAreRefused(string? slug) => Assert.False(Slug.IsValid(slug));

    [Fact]
    public void ASlugLongerThanTheLimitIsRefused()
    {
        Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
    }

    [Theory]
    [InlineData("What is the ICE 287(g) Program?", "what-is-the-ice-287g-program")]
    [InlineData("K-1 Fiancé(e) Visa", "k-1-fiancee-visa")]
    [InlineData("42B Cancellation of Removal", "42b-cancellation-of-removal")]
    [InlineData("  Family-Based   Visas  ", "family-based-visas")]
    [InlineData("Attorney’s Office", "attorneys-office")]
    [InlineData("Asilo político y protección", "asilo-politico-y-proteccion")]
    [InlineData("Statut de protection temporaire (TPS) — à jour", "statut-de-protection-temporaire-tps-a-jour")]
    public void TitlesBecomeReadableSlugs(string title, string expected) => Assert.Equal(expected, Slug.FromTitle(title));

    [Theory]
    [InlineData("")]
    [InlineData("???")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("日本語のタイトル")]
    public void WhateverTheTitleTheResultIsValidOrEmpty(string title)
    {
        var slug = Slug.FromTitle(title);

        Assert.True(slug.Length == 0 || Slug.IsValid(slug), $"'{slug}' is neither empty nor valid");
    }

    [Fact]
    public void AVeryLongTitleIsCutToAValidSlug()
    {
        var slug = Slug.FromTitle(string.Join(' ', Enumerable.Repeat("immigration", 40)));

        Assert.True(Slug.IsValid(slug));
        Assert.True(slug.Length <= Slug.MaxLength);
    }
}
