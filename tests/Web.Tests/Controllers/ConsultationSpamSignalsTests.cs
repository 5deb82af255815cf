using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>
/// Content signals at intake, through the real form: a pitch is stored in the quarantine with its reason, the visitor
/// is answered as anyone else, and the firm is still told (marked, without the pitch's text) in case it is a person.
/// </summary>
public sealed class ConsultationSpamSignalsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string Pitch =
        "Hello! We noticed your law firm is not on the first page of Google. Our SEO team builds backlinks that "
        + "work: see https://rankfast-seo.com/lawyers for prices. Reply today for a free audit.";

    [Fact]
    public async Task AnSeoPitchWithALinkIsQuarantinedWithItsReasonAndAcknowledgedLikeAnyRequest()
    {
        using var client = factory.CreateClient();
        var values = ConsultationForm.ValidValues();
        values["FullName"] = "Brandon Pitchwell";
        values["Email"] = "brandon.pitch@example.com";
        values["Urgency"] = "None";
        values["Description"] = Pitch;

        var (reference, confirmation) = await SubmitAsync(client, values);

        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == reference);
        Assert.Equal(LeadStatus.Spam, stored.Status);
        Assert.Equal(SpamVerdict.ContainsLink, stored.SpamVerdict);
        Assert.Equal(Pitch, stored.Description);

        // The visitor sees the same confirmation as a genuine request, reference included.
        Assert.Equal(await GenuineConfirmationAsync(), confirmation.Replace(reference, "REF", StringComparison.Ordinal));

        // The firm is told, marked with the reason, and nothing the advertiser typed is in the email; the advertiser's
        // address gets nothing.
        var messages = await scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationReference == reference).ToListAsync();
        var notice = Assert.Single(messages);
        Assert.Equal(OutboxKind.IntakeNotice, notice.Kind);
        Assert.StartsWith("[Suspected spam: The description contains a web link] New consultation request " + reference, notice.Subject, StringComparison.Ordinal);
        var text = notice.Subject + "\n" + await OutboxText.ReadAsync(factory, notice);
        Assert.Contains("SUSPECTED SPAM", text, StringComparison.Ordinal);
        Assert.Contains($"/admin/leads/{reference}", text, StringComparison.Ordinal);
        foreach (var typed in new[] { "Pitchwell", "rankfast", "backlinks", "brandon.pitch" })
        {
            Assert.DoesNotContain(typed, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("Nous proposons le référencement naturel de votre cabinet : première page de Google garantie.", SpamVerdict.SpamPhrases)]
    [InlineData("Здравствуйте! Мы предлагаем услуги по продвижению вашего сайта в поисковых системах.", SpamVerdict.UnexpectedLanguage)]
    public async Task EachContentSignalIsStoredAsItsReason(string description, SpamVerdict expected)
    {
        using var client = factory.CreateClient();
        var values = ConsultationForm.ValidValues();
        values["Description"] = description;

        var (reference, _) = await SubmitAsync(client, values);

        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == reference);
        Assert.Equal((LeadStatus.Spam, expected), (stored.Status, stored.SpamVerdict));
        var notice = await scope.Db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ConsultationReference == reference);
        Assert.StartsWith($"[Suspected spam: {SpamVerdicts.Label(expected)}]", notice.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGenuineSpanishRequestCitingUscisGovStaysNewAndIsAcknowledged()
    {
        using var client = factory.CreateClient();
        var values = ConsultationForm.ValidValues();
        values["Email"] = "rosa.genuina@example.com";
        values["Description"] = "Mi esposo fue detenido por ICE ayer en Garland. Revisé su caso en uscis.gov y en "
            + "https://locator.ice.gov/odls/ pero no aparece. Mi correo es rosa.genuina@example.com, por favor llámenme.";

        var (reference, _) = await SubmitAsync(client, values);

        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == reference);
        Assert.Equal((LeadStatus.New, SpamVerdict.NotSpam), (stored.Status, stored.SpamVerdict));
        var messages = await scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationReference == reference).ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("New consultation request " + reference, messages.Single(m => m.Kind == OutboxKind.IntakeNotice).Subject, StringComparison.Ordinal);
        Assert.Single(messages, m => m.Kind == OutboxKind.Acknowledgement && m.To == "rosa.genuina@example.com");
    }

    [Fact]
    public async Task ARobotIsStillToldNothingEvenWhenItsTextIsAPitch()
    {
        using var client = factory.CreateClient();
        var values = ConsultationForm.ValidValues();
        values["Description"] = Pitch;
        values["Website"] = "https://rankfast-seo.com";

        var form = await ConsultationForm.LoadAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, values)).StatusCode);

        await using var scope = factory.CreateDbScope();
        var key = Guid.Parse(form["IdempotencyKey"]);
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.IdempotencyKey == key);
        Assert.Equal(SpamVerdict.Honeypot, stored.SpamVerdict);
        Assert.False(await scope.Db.OutboxMessages.AnyAsync(m => m.ConsultationReference == stored.Reference));
    }

    private async Task<string> GenuineConfirmationAsync()
    {
        using var client = factory.CreateClient();
        var (reference, page) = await SubmitAsync(client, ConsultationForm.ValidValues());
        return page.Replace(reference, "REF", StringComparison.Ordinal);
    }

    private static async Task<(string Reference, string Confirmation)> SubmitAsync(HttpClient client, Dictionary<string, string> values)
    {
        var form = await ConsultationForm.LoadAsync(client);
        var response = await form.PostAsync(client, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync("/consultation/received");
        return (html.Split("id=\"reference\">")[1].Split('<')[0], html);
    }
}
