using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>The consultation form, its messages, its confirmation and its emails in Spanish and French.</summary>
public class ConsultationLanguagesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/es/consulta", "Spanish", "Enviar mi solicitud", "Nombre completo", "Asilo", "/es/aviso-legal")]
    [InlineData("/fr/consultation", "French", "Envoyer ma demande", "Nom et prénom", "Asile", "/fr/mentions-legales")]
    public async Task TheFormSpeaksThePageLanguageAndPreselectsIt(
        string path, string language, string button, string nameLabel, string asylum, string disclaimer)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(path);
        var text = WebUtility.HtmlDecode(html);

        Assert.Contains($">{button}</button>", text, StringComparison.Ordinal);
        Assert.Contains($">{nameLabel}</label>", text, StringComparison.Ordinal);
        Assert.Contains($">{asylum}</option>", text, StringComparison.Ordinal);
        Assert.Contains($"<form action=\"{path}\"", html, StringComparison.Ordinal);
        Assert.Contains(disclaimer, Html.Hrefs(html));
        Assert.Matches($"<input id=\"PreferredLanguage-{language}\"[^>]*value=\"{language}\" checked", html);
        var notice = await SeededNotices.CurrentAsync(factory, path[1..3]);
        Assert.Contains(notice.Text, text, StringComparison.Ordinal);
        Assert.Contains(notice.CheckboxLabel, text, StringComparison.Ordinal);
        Assert.Contains($"name=\"NoticeVersion\" value=\"{notice.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain((await SeededNotices.CurrentAsync(factory)).Text, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Send my request", text, StringComparison.Ordinal);
    }

    private static string Form(string html) =>
        html[html.IndexOf("<form", StringComparison.Ordinal)..html.IndexOf("</form>", StringComparison.Ordinal)];

    [Fact]
    public async Task TheEnglishFormPreselectsEnglish()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/consultation");

        Assert.Matches("<input id=\"PreferredLanguage-English\"[^>]*value=\"English\" checked", html);
        Assert.Contains("<form action=\"/consultation\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputInSpanishGetsSpanishMessagesWithEverythingTypedShownAgain()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client, "/es/consulta");
        var values = ConsultationForm.ValidValues();
        values["Email"] = "maria en example.com";
        values["Description"] = new string('d', 4001);

        var response = await client.PostAsync("/es/consulta", form.Content(values, "Acknowledged"));
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Por favor, revise 3 puntos antes de enviar", text, StringComparison.Ordinal);
        Assert.Contains("Por favor, revise el correo electrónico", text, StringComparison.Ordinal);
        Assert.Contains("4,000", text, StringComparison.Ordinal); // the limit, written the es-US way
        Assert.DoesNotContain("Please ", Form(text), StringComparison.Ordinal);
        Assert.Contains("value=\"maria en example.com\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"María José Hernández\"", text, StringComparison.Ordinal);
        Assert.Contains(new string('d', 4001) + "</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<form action=\"/es/consulta\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrenchLimitIsWrittenWithFrenchDigitGrouping()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client, "/fr/consultation");
        var values = ConsultationForm.ValidValues();
        values["Description"] = new string('d', 4001);

        var text = WebUtility.HtmlDecode(await (await client.PostAsync("/fr/consultation", form.Content(values))).Content.ReadAsStringAsync());

        Assert.Contains("4\u202F000", text, StringComparison.Ordinal);
        Assert.Contains("4\u202F001 sur 4\u202F000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestMadeInSpanishStoresItsLanguageAndTheSpanishNoticeThenConfirmsInSpanish()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client, "/es/consulta");

        var response = await client.PostAsync("/es/consulta", form.Content());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/es/consulta/recibida", response.Headers.Location?.OriginalString);
        var confirmation = WebUtility.HtmlDecode(await client.GetStringAsync("/es/consulta/recibida"));
        Assert.Contains("Gracias. Recibimos su solicitud.", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you", confirmation, StringComparison.Ordinal);

        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]));
        Assert.Equal("es", stored.SourceCulture);
        Assert.Equal("/es/consulta", stored.SourcePage);
        var spanish = await scope.Db.ConsultationNoticeVersions.SingleAsync(v => v.Id == stored.NoticeVersionId);
        Assert.Equal("es", spanish.Culture);
        Assert.Equal((await SeededNotices.CurrentAsync(factory, "es")).Text, spanish.Text);
    }

    [Fact]
    public async Task AnAreaNotYetTranslatedIsOfferedUnderItsEnglishNameAndCanBeChosen()
    {
        await using (var scope = factory.CreateDbScope())
        {
            scope.Db.PracticeAreas.Add(new PiriSite.Domain.Content.PracticeArea
            {
                TranslationKey = "crimmigration", Name = "Crimmigration", Slug = "crimmigration", Summary = "Criminal records and immigration.",
                DisplayOrder = 99, UpdatedAt = DateTime.UtcNow.AddMinutes(-1), PublishedAt = DateTime.UtcNow.AddMinutes(-1),
            });
            await scope.Db.SaveChangesAsync();
        }

        await factory.Services.ReloadPublishedContentAsync();
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client, "/es/consulta");
        var html = await client.GetStringAsync("/es/consulta");
        var values = ConsultationForm.ValidValues();
        values["Email"] = "crimmigration@example.com";
        values["PracticeArea"] = "crimmigration";

        var response = await client.PostAsync("/es/consulta", form.Content(values));

        Assert.Contains("<option value=\"crimmigration\">Crimmigration</option>", html, StringComparison.Ordinal);
        Assert.Contains(">Asilo</option>", html, StringComparison.Ordinal); // the translated ones keep their Spanish names
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = factory.CreateDbScope();
        Assert.Equal("crimmigration", (await check.Db.ConsultationRequests.SingleAsync(r => r.Email == "crimmigration@example.com")).PracticeAreaKey);
    }

    [Fact]
    public async Task TheConfirmationWithoutARequestGoesBackToTheFormInThePageLanguage()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/fr/consultation/recue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/fr/consultation", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheAcknowledgementIsInFrenchForAPersonWhoChoseFrenchAndTheIntakeSaysWhereItWasMade()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client, "/es/consulta");
        var values = ConsultationForm.ValidValues();
        values["FullName"] = "Aïssatou Diallo";
        values["Email"] = "aissatou.french@example.com";
        values["PreferredLanguage"] = "French";

        await client.PostAsync("/es/consulta", form.Content(values));

        await using var scope = factory.CreateDbScope();
        var request = await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]));
        var messages = await scope.Db.OutboxMessages.Where(m => m.ConsultationReference == request.Reference).ToListAsync();
        var acknowledgement = messages.Single(m => m.To == "aissatou.french@example.com");
        var body = await OutboxText.ReadAsync(factory, acknowledgement);
        Assert.Equal($"Nous avons reçu votre demande de consultation ({request.Reference})", acknowledgement.Subject);
        Assert.StartsWith("Bonjour Aïssatou,", body, StringComparison.Ordinal);
        Assert.Contains($"Votre numéro de référence est {request.Reference}.", body, StringComparison.Ordinal);
        Assert.Contains("ne crée pas de relation avocat-client", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hola", body, StringComparison.Ordinal);

        var intake = await OutboxText.ReadAsync(factory, messages.Single(m => m.To == "intake@localhost"));
        Assert.Contains("Preferred language: French", intake, StringComparison.Ordinal);
        Assert.Contains("Request made in:    Spanish", intake, StringComparison.Ordinal);
    }
}
