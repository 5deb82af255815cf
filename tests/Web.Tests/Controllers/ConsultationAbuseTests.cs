using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>
/// The consultation form used against someone else: the acknowledgement as a way to mail a stranger, the minimum
/// fill time skipped by posting without a token first, and bodies that slip past the size cap.
/// </summary>
public class ConsultationAbuseTests
{
    private const string FirstName = "Zorblax";
    private const string LastName = "Quimbleworth";
    private const string PhoneMarker = "(469) 555-0177";
    private const string DescriptionMarker = "DESCRIPTIONMARKER visit evil.example/claim to keep your visa";

    public static TheoryData<string> Languages => new() { "English", "Spanish", "French" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheAcknowledgementGreetsByFirstNameAndCarriesNothingElseTyped(string language)
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var values = ConsultationForm.ValidValues();
        values["FullName"] = $"{FirstName} {LastName}";
        values["Phone"] = PhoneMarker;
        values["Email"] = "marker.check@example.com";
        values["PreferredLanguage"] = language;
        values["Description"] = DescriptionMarker;

        var reference = await SubmitAsync(client, values);

        await using var scope = factory.CreateDbScope();
        var acknowledgement = await scope.Db.OutboxMessages.SingleAsync(m => m.To == "marker.check@example.com");
        var text = acknowledgement.Subject + "\n" + await OutboxText.ReadAsync(factory, acknowledgement);
        Assert.Contains(FirstName, text, StringComparison.Ordinal);
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("(833) 600-0029", text, StringComparison.Ordinal);
        Assert.DoesNotContain(LastName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0177", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DESCRIPTIONMARKER", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example/login Smith", "Hello,")]
    [InlineData("Call-469-555-0177 now", "Hello,")]
    [InlineData("win@evil.example Smith", "Hello,")]
    [InlineData("Anne-Marie O'Neil", "Hello Anne-Marie,")]
    public async Task AFirstNameThatIsNotANameIsLeftOutOfTheGreeting(string fullName, string expectedGreeting)
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var values = ConsultationForm.ValidValues();
        values["FullName"] = fullName;
        values["Email"] = "greeting.check@example.com";
        values["PreferredLanguage"] = "English";

        await SubmitAsync(client, values);

        await using var scope = factory.CreateDbScope();
        var body = await OutboxText.ReadAsync(factory, await scope.Db.OutboxMessages.SingleAsync(m => m.To == "greeting.check@example.com"));
        Assert.StartsWith(expectedGreeting + "\n", body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(fullName, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastTheDailyCapAnAddressGetsNoMoreAcknowledgementsButTheRequestsAreStoredAndIntakeIsTold()
    {
        var clock = new MovableClock();
        using var baseFactory = new SiteFactory(new Dictionary<string, string?> { ["Consultation:MaxAcknowledgementsPerAddressPerDay"] = "2" });
        using var factory = baseFactory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = factory.CreateClient();

        // Spellings of one mailbox: case, a +tag, and a full-width letter in the domain all reach the same person.
        string[] addresses = ["victim@example.com", "Victim@EXAMPLE.com", "VICTIM+news@example.com", "victim@ｅxample.com"];
        var references = new List<string>();
        var confirmations = new List<string>();
        foreach (var address in addresses)
        {
            var values = ConsultationForm.ValidValues();
            values["Email"] = address;
            references.Add(await SubmitAsync(client, values));
            confirmations.Add((await client.GetStringAsync("/consultation/received")).Replace(references[^1], "REF", StringComparison.Ordinal));
        }

        await using (var scope = baseFactory.CreateDbScope())
        {
            Assert.Equal(4, await scope.Db.ConsultationRequests.CountAsync(r => references.Contains(r.Reference) && r.SpamVerdict == SpamVerdict.NotSpam));
            var messages = await scope.Db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
            Assert.All(references, reference => Assert.Single(messages, m => m.To == "intake@localhost" && m.Subject.Contains(reference, StringComparison.Ordinal)));
            var acknowledgements = messages.Where(m => m.To != "intake@localhost").ToList();
            Assert.Equal(2, acknowledgements.Count);
            Assert.True(acknowledgements.Select(m => m.To).SequenceEqual(addresses[..2]), string.Join(", ", acknowledgements.Select(m => m.To)));
        }

        // The visitor cannot tell: the confirmation page is the same with or without the acknowledgement.
        Assert.All(confirmations, page => Assert.Equal(confirmations[0], page));

        // A day later the address is acknowledged again.
        clock.Advance(TimeSpan.FromHours(25));
        var later = ConsultationForm.ValidValues();
        later["Email"] = "victim@example.com";
        var laterReference = await SubmitAsync(client, later);
        await using (var scope = baseFactory.CreateDbScope())
        {
            Assert.Equal(3, await scope.Db.OutboxMessages.CountAsync(m => m.To != "intake@localhost"));
            Assert.True(await scope.Db.OutboxMessages.AnyAsync(m => m.To == "victim@example.com" && m.Subject.Contains(laterReference)));
        }
    }

    [Fact]
    public async Task AShortFormPostedWithoutATokenGetsNoHeadStartOnTheMinimumFillTime()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?> { ["Consultation:MinimumFillSeconds"] = "60" });
        using var client = factory.CreateClient();
        await client.GetStringAsync("/practice-areas/asylum");
        var values = ConsultationForm.ValidValues();
        values["Source"] = "/practice-areas/asylum";

        // A bot posts the cached page's form as it is (no token, no key, no start time), then the form shown again.
        var first = await client.PostAsync("/consultation", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var again = ConsultationForm.FromPage(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(client)).StatusCode);

        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync();
        Assert.Equal(SpamVerdict.TooFast, stored.SpamVerdict);
        Assert.False(await scope.Db.OutboxMessages.AnyAsync(), "suspected spam sends no email");
    }

    [Fact]
    public async Task AFormShownAgainAfterAMissingTokenKeepsTheTimeItWasFirstShown()
    {
        var clock = new MovableClock();
        using var baseFactory = new SiteFactory(new Dictionary<string, string?> { ["Consultation:MinimumFillSeconds"] = "60" });
        using var factory = baseFactory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = factory.CreateClient();

        // Sent at once without its antiforgery token, then at once again: still faster than a person.
        var quick = await ConsultationForm.LoadAsync(client);
        var shownAgain = await quick.PostAsync(client, omit: "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.BadRequest, shownAgain.StatusCode);
        var quickAgain = ConsultationForm.FromPage(await shownAgain.Content.ReadAsStringAsync());
        Assert.Equal(quick["ShownAt"], quickAgain["ShownAt"]);
        Assert.Equal(HttpStatusCode.Redirect, (await quickAgain.PostAsync(client)).StatusCode);

        // A person who took their time on the first showing is not held up by the second.
        var slow = await ConsultationForm.LoadAsync(client);
        clock.Advance(TimeSpan.FromSeconds(61));
        var slowShownAgain = await slow.PostAsync(client, omit: "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.Redirect, (await ConsultationForm.FromPage(await slowShownAgain.Content.ReadAsStringAsync()).PostAsync(client)).StatusCode);

        await using var scope = baseFactory.CreateDbScope();
        Assert.Equal(SpamVerdict.TooFast, (await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(quick["IdempotencyKey"]))).SpamVerdict);
        Assert.Equal(SpamVerdict.NotSpam, (await scope.Db.ConsultationRequests.SingleAsync(r => r.IdempotencyKey == Guid.Parse(slow["IdempotencyKey"]))).SpamVerdict);
    }

    [Theory]
    [InlineData(200_000)]
    [InlineData(100)]
    public async Task AChunkedMultipartPostIsRefusedUnreadAndNothingIsStored(int descriptionLength)
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var response = await client.PostAsync("/consultation", new ChunkedContent(Multipart(AllFields(form, descriptionLength))));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("tel:+18336000029", Html.Hrefs(html));
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        await AssertNothingStoredAsync(factory);

        // The same form, sent as the site's forms send it, goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client)).StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    public async Task APostThatIsNotAnUrlEncodedFormIsRefusedWith415(string mediaType)
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var body = await form.Content().ReadAsStringAsync();

        var response = await client.PostAsync("/consultation", new StringContent(body, new MediaTypeHeaderValue(mediaType)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingStoredAsync(factory);
    }

    [Fact]
    public async Task AChunkedUrlEncodedPostOverTheCapIsRefusedWith413()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var response = await client.PostAsync("/consultation", new ChunkedContent(new FormUrlEncodedContent(AllFields(form, 200_000))));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That was too much to send at once", html, StringComparison.Ordinal);
        await AssertNothingStoredAsync(factory);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("multipart/form-data", HttpStatusCode.UnsupportedMediaType)]
    public async Task OnTheRealServerAChunkedPostOverTheCapIsRefusedWithAFriendlyPage(string mediaType, HttpStatusCode expected)
    {
        // Kestrel, not the in-memory test server: its own body-size cap is in play here. Reached at 127.0.0.1, which
        // host filtering refuses unless it is allowed besides the public address.
        using var factory = new SiteFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "127.0.0.1" });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var form = await ConsultationForm.LoadAsync(client);
        var fields = AllFields(form, 200_000);
        HttpContent content = mediaType == "multipart/form-data" ? Multipart(fields) : new FormUrlEncodedContent(fields);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/consultation") { Content = new ChunkedContent(content) };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("tel:+18336000029", Html.Hrefs(html));
        await AssertNothingStoredAsync(factory);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields)
    {
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        return multipart;
    }

    private static Dictionary<string, string> AllFields(ConsultationForm form, int descriptionLength)
    {
        var values = ConsultationForm.ValidValues();
        values["Description"] = new string('x', descriptionLength);
        var fields = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var name in new[] { "__RequestVerificationToken", "IdempotencyKey", "ShownAt", "Source" })
        {
            fields[name] = form[name];
        }

        return fields;
    }

    /// <summary>Posts a valid form and returns the reference the confirmation page shows.</summary>
    private static async Task<string> SubmitAsync(HttpClient client, Dictionary<string, string> values)
    {
        var form = await ConsultationForm.LoadAsync(client);
        var response = await form.PostAsync(client, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync("/consultation/received");
        return html.Split("id=\"reference\">")[1].Split('<')[0];
    }

    private static async Task AssertNothingStoredAsync(SiteFactory factory)
    {
        await using var scope = factory.CreateDbScope();
        Assert.False(await scope.Db.ConsultationRequests.AnyAsync());
        Assert.False(await scope.Db.OutboxMessages.AnyAsync());
    }

    /// <summary>A body sent without a declared length (Transfer-Encoding: chunked), as a client may choose to.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly HttpContent _inner;

        public ChunkedContent(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
