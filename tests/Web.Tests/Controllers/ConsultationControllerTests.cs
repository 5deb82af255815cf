using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

public class ConsultationControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheFormPageOffersTheFormAndThePhoneNumber()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/consultation");

        Assert.Equal("24/7 Free 30-Minute Consultation Call", Html.Headings(html, 1).Single());
        Assert.Contains("tel:+18336000029", Html.Hrefs(html));
        foreach (var label in new[] { "Full name", "Phone", "Email", "Court date", "Tell us briefly what is happening" })
        {
            Assert.Contains($">{label}</label>", html, StringComparison.Ordinal);
        }

        Assert.Contains((await SeededNotices.CurrentAsync(factory)).Text, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("no-store", string.Join(",", (await client.GetAsync("/consultation")).Headers.CacheControl?.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormAsksForNoImmigrationStatusANumberSsnOrCountryOfBirth()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/consultation");
        var form = page[page.IndexOf("<form", StringComparison.Ordinal)..page.IndexOf("</form>", StringComparison.Ordinal)];
        var names = System.Text.RegularExpressions.Regex.Matches(form, "name=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Distinct().Order(StringComparer.Ordinal).ToList();

        string[] expected =
        [
            "Acknowledged", "ContactMethod", "CourtDate", "Description", "Email", "FullName", "IdempotencyKey", "NoticeVersion", "Phone",
            "PracticeArea", "PreferredLanguage", "ShownAt", "Source", "Urgency", "Website", "__RequestVerificationToken",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task AValidRequestIsStoredOnceWithItsFieldsAndConfirmedByReference()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/consultation/received", response.Headers.Location?.OriginalString);
        var confirmation = await client.GetStringAsync("/consultation/received");
        var reference = Html.Text(confirmation.Split("id=\"reference\">")[1].Split('<')[0]);
        Assert.True(ConsultationReference.IsValid(reference), reference);
        Assert.Contains("within one business day", confirmation, StringComparison.Ordinal);
        Assert.Contains("tel:+18336000029", Html.Hrefs(confirmation));

        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]));
        Assert.Equal(reference, stored.Reference);
        Assert.Equal("María José Hernández", stored.FullName);
        Assert.Equal("(214) 555-0142", stored.Phone);
        Assert.Equal("maria.hernandez@example.com", stored.Email);
        Assert.Equal(ContactLanguage.Spanish, stored.PreferredLanguage);
        Assert.Equal(ContactMethod.Phone, stored.ContactMethod);
        Assert.Equal("immigration-court", stored.PracticeAreaKey);
        Assert.Equal(Urgency.Detained, stored.Urgency);
        Assert.Null(stored.CourtDate);
        Assert.Equal("My brother was detained by ICE this morning after a traffic stop in Irving.", stored.Description);
        Assert.Equal(LeadStatus.New, stored.Status);
        Assert.Equal(SpamVerdict.NotSpam, stored.SpamVerdict);
        Assert.Equal("/consultation", stored.SourcePage);
        Assert.Equal("en", stored.SourceCulture);
        Assert.Equal((await SeededNotices.CurrentAsync(factory)).Id, stored.NoticeVersionId);
        Assert.True((DateTime.UtcNow - stored.CreatedAt).Duration() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task AValidRequestQueuesTheIntakeEmailAndTheAcknowledgementWithTheRequest()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["Email"] = "queued.check@example.com";

        await form.PostAsync(client, values);

        await using var scope = factory.CreateDbScope();
        var request = await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]));
        var messages = await scope.Db.OutboxMessages.Where(m => m.Subject.Contains(request.Reference)).ToListAsync();
        Assert.Equal(2, messages.Count);
        var intake = messages.Single(m => m.To == "intake@localhost");

        var intakeText = await OutboxText.ReadAsync(factory, intake);
        Assert.Contains($"/admin/leads/{request.Reference}", intakeText, StringComparison.Ordinal);
        Assert.DoesNotContain("Hernández", intakeText, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0142", intakeText, StringComparison.Ordinal);
        Assert.DoesNotContain("traffic stop", intakeText, StringComparison.Ordinal);
        var acknowledgement = messages.Single(m => m.To == "queued.check@example.com");
        Assert.StartsWith("Recibimos su solicitud", acknowledgement.Subject, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidCases => new()
    {
        { "FullName", "", "Please tell us your name" },
        { "FullName", new string('a', 10_000), "Please shorten this to 120 characters" },
        { "FullName", "Ana\u0007María", "one line" },
        { "Phone", "call me maybe", "Please check the phone number" },
        { "Email", "maria@example.com\r\nBcc: everyone@example.com", "one line" },
        { "Email", "not-an-email", "Please check the email address" },
        { "Email", new string('e', 10_000) + "@example.com", "Please shorten this to 254 characters" },
        { "PreferredLanguage", "Klingon", "Please choose English, Spanish or French" },
        { "PreferredLanguage", "", "Please choose English, Spanish or French" },
        { "ContactMethod", "Pigeon", "Please choose how you would like us to contact you" },
        { "PracticeArea", "no-such-area", "Please choose a practice area from the list" },
        { "Urgency", "", "Please tell us whether someone is detained" },
        { "Urgency", "7", "Please tell us whether someone is detained" },
        { "Description", new string('d', 10_000), "Please shorten the description to 4,000 characters" },
        { "Description", "Line one\u0000hidden", "special characters" },
        { "Acknowledged", "", "Please tick the box" },
        { "Acknowledged", "banana", "Please tick the box" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task AnInvalidFieldReturnsTheFormWithItsErrorAndEverythingTyped(string field, string value, string expectedError)
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values[field] = value;
        values["Description"] = field == "Description" ? value : "Typed text that must come back: Ñandú & <b>bold</b>";

        var response = await form.PostAsync(client, values);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains(expectedError, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        if (field != "Description")
        {
            Assert.Contains("Typed text that must come back: Ñandú &amp; &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        }

        if (field != "Phone")
        {
            Assert.Contains("value=\"(214) 555-0142\"", html, StringComparison.Ordinal);
        }

        if (field != "PreferredLanguage")
        {
            Assert.Contains("value=\"Spanish\" checked=\"checked\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"value=\"{form["IdempotencyKey"]}\"", html, StringComparison.Ordinal);
        await AssertNotStoredAsync(form["IdempotencyKey"]);
    }

    [Fact]
    public async Task PhoneAndEmailBothMissingAsksForOneOfThem()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["Phone"] = "";
        values["Email"] = "";
        values["ContactMethod"] = "NoPreference";

        var html = await (await form.PostAsync(client, values)).Content.ReadAsStringAsync();

        Assert.Contains("Please give a phone number or an email address", html, StringComparison.Ordinal);
        Assert.Contains("value=\"María José Hernández\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACourtDateIsRequiredWhenACourtDateIsComing()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["Urgency"] = "CourtDate";

        var html = await (await form.PostAsync(client, values)).Content.ReadAsStringAsync();

        Assert.Contains("Please give the date of the court hearing", html, StringComparison.Ordinal);
        Assert.Contains("value=\"CourtDate\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mar%FF%FEa", "Some characters could not be read")]
    [InlineData("Mar%C3a", "Some characters could not be read")]
    [InlineData("Mar%00a", "Please keep this to one line")]
    public async Task BytesThatAreNotTextAreAnErrorNotACrash(string encodedName, string expectedError)
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var body = (await form.Content().ReadAsStringAsync()).Replace("FullName=Mar%C3%ADa", "FullName=" + encodedName, StringComparison.Ordinal);
        Assert.Contains(encodedName, body, StringComparison.Ordinal);

        var response = await client.PostAsync("/consultation", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expectedError, html, StringComparison.Ordinal);
        Assert.Contains("traffic stop in Irving", html, StringComparison.Ordinal);
        await AssertNotStoredAsync(form["IdempotencyKey"]);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsNotStoredAndComesBackFilledInToSendAgain()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var response = await form.PostAsync(client, omit: "__RequestVerificationToken");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your request is not sent yet", html, StringComparison.Ordinal);
        Assert.Contains("value=\"María José Hernández\"", html, StringComparison.Ordinal);
        Assert.Contains("traffic stop in Irving", html, StringComparison.Ordinal);
        await AssertNotStoredAsync(form["IdempotencyKey"]);

        // The form shown again carries a fresh token and the same idempotency key: one more press sends it.
        var again = ConsultationForm.FromPage(html);
        Assert.Equal(form["IdempotencyKey"], again["IdempotencyKey"]);
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(client)).StatusCode);
        await using var scope = factory.CreateDbScope();
        Assert.Equal(1, await scope.Db.ConsultationRequests.CountAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"])));
    }

    [Fact]
    public async Task ACachedPagesShortFormSentWithoutJavaScriptComesBackFilledInAndIsNotTakenForSpam()
    {
        // The real minimum fill time, counted from the form shown again (the cached page's time is unknown).
        var clock = new MovableClock();
        using var strict = new SiteFactory(new Dictionary<string, string?> { ["Consultation:MinimumFillSeconds"] = "3" });
        using var app = strict.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = app.CreateClient();
        await client.GetStringAsync("/practice-areas/asylum");
        var values = ConsultationForm.ValidValues();
        values["Source"] = "/practice-areas/asylum";

        // What the cached page's form sends when no script ran: no token, no key, no start time.
        var response = await client.PostAsync("/consultation", new FormUrlEncodedContent(values));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("traffic stop in Irving", html, StringComparison.Ordinal);
        var again = ConsultationForm.FromPage(html);
        clock.Advance(TimeSpan.FromSeconds(4)); // the person reads the message and presses "Send my request" again
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(client)).StatusCode);
        await using var scope = strict.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(again["IdempotencyKey"]));
        Assert.Equal(SpamVerdict.NotSpam, stored.SpamVerdict);
        Assert.Equal("/practice-areas/asylum", stored.SourcePage);
    }

    [Fact]
    public async Task TodaysCourtDateIsAcceptedInTheEveningInDallasWhenItIsTomorrowInUtc()
    {
        // 02:00 UTC is 8 or 9 p.m. of the day before in Dallas: a hearing "today" there is not in the past.
        var clock = new MovableClock();
        var dallasToday = DateTime.UtcNow.Date;
        clock.SetTo(new DateTimeOffset(dallasToday.AddDays(1).AddHours(2), TimeSpan.Zero));
        using var site = new SiteFactory();
        using var app = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = app.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["Urgency"] = "CourtDate";
        values["CourtDate"] = dallasToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await client.PostAsync("/consultation", form.Content(values));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = site.CreateDbScope();
        Assert.Equal(DateOnly.FromDateTime(dallasToday), (await scope.Db.ConsultationRequests.SingleAsync()).CourtDate);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example")]
    public async Task APostFromAnotherSiteIsRefusedEvenWithAValidToken(string header, string value)
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/consultation") { Content = form.Content() };
        request.Headers.Add(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNotStoredAsync(form["IdempotencyKey"]);
    }

    [Fact]
    public async Task TheShortFormsTokenEndpointIsNeverCachedAndSetsTheAntiforgeryCookie()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/consultation/form-token");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("__Host-PiriSite.Antiforgery=", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("token").GetString()));
        Assert.True(Guid.TryParse(json.RootElement.GetProperty("idempotencyKey").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("shownAt").GetString()));
    }

    [Fact]
    public async Task TheSameFormPostedTwiceMakesOneRequest()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var first = await form.PostAsync(client);
        var firstReference = await ReferenceShownAsync(client);
        var second = await form.PostAsync(client);
        var secondReference = await ReferenceShownAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(firstReference, secondReference);
        await using var scope = factory.CreateDbScope();
        Assert.Equal(1, await scope.Db.ConsultationRequests.CountAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"])));
    }

    [Fact]
    public async Task TheSameFormPostedManyTimesAtOnceMakesOneRequest()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => form.PostAsync(client)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var scope = factory.CreateDbScope();
        Assert.Equal(1, await scope.Db.ConsultationRequests.CountAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"])));
    }

    [Fact]
    public async Task AFilledHoneypotIsQuarantinedNotDropped()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["Website"] = "http://spam.example";

        var response = await form.PostAsync(client, values);

        // The bot sees the ordinary confirmation; the request waits in quarantine, and no email is sent.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]));
        Assert.Equal(SpamVerdict.Honeypot, stored.SpamVerdict);
        Assert.Equal(LeadStatus.Spam, stored.Status);
        Assert.False(await scope.Db.OutboxMessages.AnyAsync(m => m.Subject.Contains(stored.Reference)));
    }

    [Fact]
    public async Task ShortFormOnAPracticeAreaPagePreselectsThatArea()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client, "/practice-areas/asylum");
        var values = ConsultationForm.ValidValues();
        values.Remove("PracticeArea");
        values.Remove("ContactMethod");

        Assert.Equal("asylum", form["PracticeArea"]);
        var response = await form.PostAsync(client, values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]));
        Assert.Equal("asylum", stored.PracticeAreaKey);
        Assert.Equal("/practice-areas/asylum", stored.SourcePage);
        Assert.Equal(ContactMethod.NoPreference, stored.ContactMethod);
    }

    [Fact]
    public async Task ShortFormErrorsComeBackOnTheFullFormWithTheValues()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client, "/articles/what-is-the-ice-287g-program");
        var values = ConsultationForm.ValidValues();
        values.Remove("PracticeArea");
        values.Remove("ContactMethod");
        values["Acknowledged"] = "";

        var response = await form.PostAsync(client, values);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Please tick the box", html, StringComparison.Ordinal);
        Assert.Contains("value=\"María José Hernández\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"/articles/what-is-the-ice-287g-program\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConfirmationWithoutARequestSendsYouToTheForm()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/consultation/received");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/consultation", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnOversizedPostIsRefusedWithAClear413Page()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["Description"] = new string('x', 200_000);

        var response = await form.PostAsync(client, values);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That was too much to send at once", html, StringComparison.Ordinal);
        Assert.Contains("tel:+18336000029", Html.Hrefs(html));
        await AssertNotStoredAsync(form["IdempotencyKey"]);
    }

    private async Task AssertNotStoredAsync(string idempotencyKey)
    {
        await using var scope = factory.CreateDbScope();
        Assert.False(await scope.Db.ConsultationRequests.AnyAsync(r => r.IdempotencyKey == Guid.Parse(idempotencyKey)));
    }

    private static async Task<string> ReferenceShownAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/consultation/received");
        return html.Split("id=\"reference\">")[1].Split('<')[0];
    }
}
