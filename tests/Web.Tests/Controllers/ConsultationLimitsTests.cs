using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>The consultation form under abuse and under load, each with its own app and settings.</summary>
public class ConsultationLimitsTests
{
    [Fact]
    public async Task OverTheRateLimitAFriendly429StillShowsThePhoneNumber()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?>
        {
            ["Consultation:RateLimit:PermitLimit"] = "3",
            ["Consultation:RateLimit:WindowSeconds"] = "600",
        });
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        for (var i = 0; i < 3; i++)
        {
            var values = ConsultationForm.ValidValues();
            values["IdempotencyKey"] = Guid.NewGuid().ToString();
            Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, values)).StatusCode);
        }

        var limited = await form.PostAsync(client, new Dictionary<string, string>(ConsultationForm.ValidValues()) { ["IdempotencyKey"] = Guid.NewGuid().ToString() });
        var html = await limited.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("Please wait a moment", Html.Headings(html, 1).Single());
        Assert.Contains("tel:+18336000029", Html.Hrefs(html));
        Assert.True(limited.Headers.RetryAfter is not null, "a Retry-After header tells clients when to try again");

        // Reading the form is never limited: a person can always see the phone number and try again later.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/consultation")).StatusCode);
    }

    [Fact]
    public async Task AFormSentFasterThanAPersonCouldFillItIsQuarantined()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?> { ["Consultation:MinimumFillSeconds"] = "60" });
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync();
        Assert.Equal(SpamVerdict.TooFast, stored.SpamVerdict);
        Assert.Equal(LeadStatus.Spam, stored.Status);
    }

    [Fact]
    public async Task AFormWithAForgedShownAtTokenIsQuarantined()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["ShownAt"] = "638000000000000000";

        await form.PostAsync(client, values);

        await using var scope = factory.CreateDbScope();
        Assert.Equal(SpamVerdict.TooFast, (await scope.Db.ConsultationRequests.SingleAsync()).SpamVerdict);
    }

    [Fact]
    public async Task TwoHundredConcurrentSubmissionsAreAllStoredWithDistinctReferences()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var values = ConsultationForm.ValidValues();
            values["IdempotencyKey"] = Guid.NewGuid().ToString();
            values["Description"] = $"Concurrent request number {i}";
            return await form.PostAsync(client, values);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.Where(r => r.Description.StartsWith("Concurrent request number "))
            .Select(r => new { r.Reference, r.Description }).ToListAsync();
        Assert.Equal(200, stored.Count);
        Assert.Equal(200, stored.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(200, stored.Select(r => r.Description).Distinct().Count());
        Assert.Equal(400, await scope.Db.OutboxMessages.CountAsync());
    }
}
