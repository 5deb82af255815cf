using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Consultations;

/// <summary>The service speaks domain types: a submission and its envelope in, a reference or errors out.</summary>
public sealed class ConsultationServiceTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static ConsultationSubmission ValidSubmission() => new()
    {
        FullName = "María José Hernández",
        Phone = "(214) 555-0142",
        PreferredLanguage = "Spanish",
        ContactMethod = "Phone",
        PracticeArea = "immigration-court",
        Urgency = "Detained",
        Description = "My brother was detained by ICE this morning after a traffic stop in Irving.",
        Acknowledged = "true",
    };

    [Fact]
    public async Task AValidSubmissionIsStoredOnceUnderItsKeyFromTheEnvelope()
    {
        await using var scope = factory.CreateDbScope();
        var consultations = scope.Services.GetRequiredService<ConsultationService>();
        var identity = consultations.IdentityFor();
        var notice = await SeededNotices.CurrentAsync(factory);
        var envelope = new SubmissionEnvelope(identity.IdempotencyKey, identity.ShownAt, Honeypot: "", SourcePage: "/practice-areas/asylum")
        {
            NoticeVersion = notice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var first = await consultations.SubmitAsync(ValidSubmission(), envelope, CancellationToken.None);
        var again = await consultations.SubmitAsync(ValidSubmission(), envelope, CancellationToken.None);

        Assert.True(first.Accepted);
        Assert.Equal(first.Reference, again.Reference);
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == first.Reference);
        Assert.Equal(Guid.Parse(identity.IdempotencyKey), stored.IdempotencyKey);
        Assert.Equal("/practice-areas/asylum", stored.SourcePage);
        Assert.Equal(notice.Id, stored.NoticeVersionId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("999999")]
    [InlineData("es")] // the Spanish notice's id, on an English page
    public async Task ANoticeThatIsNotOneOfThePageLanguagesVersionsIsRefusedAtTheBoxAndNothingIsStored(string? posted)
    {
        await using var scope = factory.CreateDbScope();
        var consultations = scope.Services.GetRequiredService<ConsultationService>();
        var identity = consultations.IdentityFor();
        if (posted == "es")
        {
            posted = (await SeededNotices.CurrentAsync(factory, "es")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var result = await consultations.SubmitAsync(ValidSubmission(),
            new SubmissionEnvelope(identity.IdempotencyKey, identity.ShownAt, null, null) { NoticeVersion = posted }, CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal(ConsultationErrorCode.NoticeVersionUnknown, result.Errors[nameof(ConsultationSubmission.Acknowledged)].Code);
        Assert.False(await scope.Db.ConsultationRequests.AnyAsync(r => r.IdempotencyKey == Guid.Parse(identity.IdempotencyKey)));
    }

    [Fact]
    public async Task AnInvalidSubmissionIsRefusedWithAnErrorPerField()
    {
        await using var scope = factory.CreateDbScope();
        var consultations = scope.Services.GetRequiredService<ConsultationService>();

        var result = await consultations.SubmitAsync(ValidSubmission() with { FullName = "", Acknowledged = "banana" },
            new SubmissionEnvelope(null, null, null, null), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains(nameof(ConsultationSubmission.FullName), result.Errors.Keys);
        Assert.Contains(nameof(ConsultationSubmission.Acknowledged), result.Errors.Keys);
    }

    [Fact]
    public async Task AFormsOwnValuesAreKeptWhenReadableAndReplacedWhenNot()
    {
        await using var scope = factory.CreateDbScope();
        var consultations = scope.Services.GetRequiredService<ConsultationService>();
        var issued = consultations.IdentityFor();

        var kept = consultations.IdentityFor(issued.IdempotencyKey, issued.ShownAt);
        var replaced = consultations.IdentityFor("not-a-guid", "forged");

        Assert.Equal(issued, kept);
        Assert.True(Guid.TryParse(replaced.IdempotencyKey, out _));
        Assert.NotEqual("forged", replaced.ShownAt);
        Assert.NotEqual(issued.IdempotencyKey, replaced.IdempotencyKey);
    }
}
