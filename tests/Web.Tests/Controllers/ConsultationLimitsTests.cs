using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>The consultation form under abuse and under load, each with its own app and settings.</summary>
public class ConsultationLimitsTests(ITestOutputHelper output)
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
    public async Task ConcurrentRequestsFromOneMailboxGetNoMoreAcknowledgementsThanTheDailyCap()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?> { ["Consultation:MaxAcknowledgementsPerAddressPerDay"] = "3" });
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var values = ConsultationForm.ValidValues();
            values["IdempotencyKey"] = Guid.NewGuid().ToString();
            values["Email"] = "same.mailbox@example.com";
            values["Description"] = $"One of many requests from one mailbox, number {i}";
            return await form.PostAsync(client, values);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var scope = factory.CreateDbScope();
        Assert.Equal(24, await scope.Db.ConsultationRequests.CountAsync());
        Assert.Equal(3, await scope.Db.OutboxMessages.CountAsync(m => m.To == "same.mailbox@example.com"));
    }

    [Fact]
    public async Task TwoHundredConcurrentSubmissionsAreAllStoredWithDistinctReferences()
    {
        using var site = new SiteFactory();
        var saves = new SavesInFlight();
        using var factory = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureSiteDbContext(options => options.AddInterceptors(saves))));
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var values = ConsultationForm.ValidValues();
            values["IdempotencyKey"] = Guid.NewGuid().ToString();
            values["Description"] = $"Concurrent request number {i}";
            // One mailbox each: requests from one mailbox take turns for its acknowledgement count (see the test above).
            values["Email"] = $"concurrent.{i}@example.com";
            return await form.PostAsync(client, values);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        output.WriteLine($"{TestDatabase.Provider}: at most {saves.Peak} consultation requests saved at once");
        // PostgreSQL has no write gate: there the writes must really have overlapped, or this test would not test
        // what it claims (two transactions drawing references and claiming idempotency keys at the same time).
        if (TestDatabase.IsPostgres)
        {
            Assert.True(saves.Peak > 1, $"at most {saves.Peak} consultation requests were saved at once on PostgreSQL");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var stored = await db.ConsultationRequests.Where(r => r.Description.StartsWith("Concurrent request number "))
            .Select(r => new { r.Reference, r.Description }).ToListAsync();
        Assert.Equal(200, stored.Count);
        Assert.Equal(200, stored.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(200, stored.Select(r => r.Description).Distinct().Count());
        Assert.Equal(400, await db.OutboxMessages.CountAsync());
    }

    /// <summary>Counts the consultation requests being saved at the same moment, and the most there ever were.</summary>
    private sealed class SavesInFlight : SaveChangesInterceptor
    {
        private readonly Lock _lock = new();
        private readonly HashSet<DbContext> _saving = [];

        public int Peak { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            // Only the form's saves: the outbox sender's own saves would otherwise count as overlapping writes.
            if (eventData.Context is { } context && context.ChangeTracker.Entries<ConsultationRequest>().Any(e => e.State == EntityState.Added))
            {
                lock (_lock)
                {
                    _saving.Add(context);
                    Peak = Math.Max(Peak, _saving.Count);
                }
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Finished(eventData.Context);
            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Finished(eventData.Context);
            return base.SaveChangesFailedAsync(eventData, cancellationToken);
        }

        public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            Finished(eventData.Context);
            return base.SaveChangesCanceledAsync(eventData, cancellationToken);
        }

        private void Finished(DbContext? context)
        {
            lock (_lock)
            {
                if (context is not null)
                {
                    _saving.Remove(context);
                }
            }
        }
    }
}
