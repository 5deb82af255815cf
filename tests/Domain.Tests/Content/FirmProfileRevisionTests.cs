using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class FirmProfileRevisionTests
{
    private static readonly DateTime s_now = new(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc);

    private static FirmProfile Profile() => new()
    {
        Culture = "es",
        FirmName = "The Piri Law Firm",
        AttorneyName = "Michael Piri",
        PrincipalOfficeCity = "Dallas, Texas",
        Phone = "(833) 600-0029",
        LanguagesSpoken = ["Inglés", "Español"],
        AdvertisingDisclaimer = "Publicidad de abogados.",
        AboutMarkdown = "## Sobre nosotros\n\nTexto.",
    };

    [Fact]
    public void ARevisionKeepsEveryFieldAsTheEditorShowsIt()
    {
        var revision = FirmProfileRevision.Of(Profile(), 1, s_now, "id", "Michael Piri", "Original version", previous: null);

        Assert.Equal(("es", 1, "Inglés, Español", "Dallas, Texas"), (revision.Culture, revision.Number, revision.Fields.LanguagesSpoken, revision.Fields.PrincipalOfficeCity));
        Assert.Empty(revision.ChangedFields);
    }

    [Fact]
    public void ARevisionNamesTheFieldsItsSaveChanged()
    {
        var firm = Profile();
        var before = firm.ToSubmission();
        firm.Edit(before with { AboutMarkdown = "## Sobre nosotros\n\nOtro texto.", AdvertisingDisclaimer = "Publicidad de abogados. Revisada." }, s_now);

        var revision = FirmProfileRevision.Of(firm, 2, s_now, null, "Ana", "Edited", before);

        Assert.Equal(["AdvertisingDisclaimer", "AboutMarkdown"], revision.ChangedFields);
        Assert.Equal("Advertising disclaimer, About page", FirmProfileFields.Labels(revision.ChangedFields));
    }

    [Fact]
    public void SavingTheSameTextWithOtherLineEndingsChangesNoField()
    {
        var firm = Profile();
        var before = firm.ToSubmission();
        firm.Edit(before with { FirmName = "  The Piri Law Firm ", AboutMarkdown = "## Sobre nosotros\r\n\r\nTexto." }, s_now);

        Assert.Empty(FirmProfileRevision.ChangesBetween(before, firm.ToSubmission()));
    }

    [Fact]
    public void EveryFieldOfTheSubmissionHasALabel() =>
        Assert.Equal(
            typeof(FirmProfileSubmission).GetProperties().Select(p => p.Name).Order(),
            FirmProfileFields.All.Select(f => f.Name).Order());
}
