using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Extensions;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Every admin endpoint, found from the app's own endpoint data (so a new one cannot be forgotten), sends anonymous
/// visitors to sign in and accepts no POST without an antiforgery token. What is the Attorney's alone is proved
/// against a hand-written list, not against the attributes that are meant to enforce it: a real Staff account
/// asks for each, with real targets, and is refused without anything changing.
/// </summary>
public class AdminAuthorizationTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string IntruderEmail = "new.attorney.by.staff@pirisite.test";

    private sealed record AdminEndpoint(string Method, string Path);

    /// <summary>One Attorney-only request: the route it must reach, and a real address and form that would change something.</summary>
    private sealed record AttorneyOnlyRequest(string Method, string Route, string Path, Dictionary<string, string>? Form = null);

    /// <summary>Real things for the requests to act on, so that a request let through would show.</summary>
    private sealed record Targets(
        string ActiveStaffId, string DisabledStaffId, string Lead, string SpamLead, int ArticleId, int PracticeAreaId, int FailedMessageId, int FirmVersion,
        long AdvertisingSnapshotId = 0);

    /// <summary>
    /// What only the Attorney may do, written out by hand from the product's rules: staff accounts, the audit log,
    /// the firm profile and its history, the consultation notice, permanent deletion of requests (one, or suspected spam
    /// in bulk), the attorney's review of an article, the email outbox, and the advertising archive (the filings are the
    /// responsible attorney's).
    /// </summary>
    private static List<AttorneyOnlyRequest> AttorneyOnlyRequests(Targets t)
    {
        List<AttorneyOnlyRequest> requests =
        [
            new("GET", "admin/staff", "/admin/staff"),
            new("POST", "admin/staff", "/admin/staff", new()
            {
                ["DisplayName"] = "Made by staff", ["Email"] = IntruderEmail, ["Password"] = StaffSessions.Password, ["Role"] = StaffRoles.Attorney,
            }),
            new("POST", "admin/staff/{id}/disable", $"/admin/staff/{t.ActiveStaffId}/disable"),
            new("POST", "admin/staff/{id}/enable", $"/admin/staff/{t.DisabledStaffId}/enable"),
            new("POST", "admin/staff/{id}/reset-two-factor", $"/admin/staff/{t.ActiveStaffId}/reset-two-factor"),
            new("GET", "admin/audit", "/admin/audit"),
            new("GET", "admin/firm", "/admin/firm"),
            new("POST", "admin/firm", "/admin/firm", new()
            {
                ["FirmName"] = "Firm renamed by staff", ["AttorneyName"] = "Someone else", ["Phone"] = "(833) 600-0029",
                ["Version"] = t.FirmVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
            new("GET", "admin/consultation-notice", "/admin/consultation-notice"),
            new("POST", "admin/consultation-notice", "/admin/consultation-notice", new()
            {
                ["Text"] = "A notice reworded by staff.", ["CheckboxLabel"] = "Ticked.",
            }),
            new("GET", "admin/consultation-notice/{id:int}", $"/admin/consultation-notice/{SeededNotices.Version1().Id}"),
            new("GET", "admin/firm/revisions", "/admin/firm/revisions"),
            new("GET", "admin/firm/revisions/{number:int}", "/admin/firm/revisions/1"),
            new("POST", "admin/firm/revisions/{number:int}/restore", "/admin/firm/revisions/1/restore", new()
            {
                ["confirmed"] = "true", ["version"] = t.FirmVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
            new("POST", "admin/leads/{reference}/delete", $"/admin/leads/{t.Lead}/delete", new() { ["confirmed"] = "true" }),
            new("POST", "admin/leads/spam/delete", "/admin/leads/spam/delete", new() { ["references"] = t.SpamLead }),
            new("POST", "admin/articles/{id:int}/review", $"/admin/articles/{t.ArticleId}/review"),
            new("POST", "admin/practice-areas/{id:int}/review", $"/admin/practice-areas/{t.PracticeAreaId}/review"),
            new("GET", "admin/outbox", "/admin/outbox"),
            new("POST", "admin/outbox/{id:int}/retry", $"/admin/outbox/{t.FailedMessageId}/retry"),
            new("POST", "admin/outbox/retry-failed", "/admin/outbox/retry-failed"),
            new("GET", "admin/advertising", "/admin/advertising"),
            new("GET", "admin/advertising/{id:long}", $"/admin/advertising/{t.AdvertisingSnapshotId}"),
            new("POST", "admin/advertising/{id:long}", $"/admin/advertising/{t.AdvertisingSnapshotId}", new()
            {
                ["Choice"] = "exempt", ["ExemptReason"] = "Marked by staff", ["Shown"] = $"NeedsFiling.0",
            }),
            new("POST", "admin/advertising/filed", "/admin/advertising/filed", new()
            {
                ["Ids"] = t.AdvertisingSnapshotId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FiledOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Reference"] = "Filed by staff",
            }),
            new("GET", "admin/advertising/{id:long}/view", $"/admin/advertising/{t.AdvertisingSnapshotId}/view"),
            new("GET", "admin/advertising/{id:long}/download", $"/admin/advertising/{t.AdvertisingSnapshotId}/download"),
            new("GET", "admin/advertising/compare", $"/admin/advertising/compare?from={t.AdvertisingSnapshotId}&to={t.AdvertisingSnapshotId}"),
        ];

        // HEAD is answered wherever GET is, so it must be refused wherever GET is.
        return [.. requests, .. requests.Where(r => r.Method == "GET").Select(r => r with { Method = "HEAD" })];
    }

    private List<AdminEndpoint> AdminEndpoints()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "admin" || raw.StartsWith("admin/", StringComparison.Ordinal)))
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                // Route values: a number where the route wants one, an identifier otherwise.
                var path = "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, "\\{([^}:]+)(:[^}]+)?\\}",
                    m => m.Groups[2].Value.Contains("int", StringComparison.Ordinal) || m.Groups[2].Value.Contains("long", StringComparison.Ordinal) ? "1" : "00000000-0000-0000-0000-000000000000");
                return methods.Select(m => new AdminEndpoint(m, path));
            })
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 7, $"only {endpoints.Count} admin endpoints found");
        return endpoints;
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInFromEveryAdminEndpoint()
    {
        using var client = StaffSessions.NewClient(factory);
        foreach (var endpoint in AdminEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            var page = await client.GetStringAsync("/consultation");
            if (endpoint.Method == "POST")
            {
                // With a valid token, so that only authorization can refuse it.
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page) });
            }

            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{endpoint.Method} {endpoint.Path} answered {(int)response.StatusCode}");
            Assert.StartsWith($"{SiteFactory.BaseAddress}/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StaffAreRefusedEveryAttorneyOnlyRequestAndNothingChanges()
    {
        var targets = await ArrangeTargetsAsync();
        var before = await SnapshotAsync(targets);
        var (staff, key) = await StaffSessions.CreateAsync(factory, "plainstaff@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);

        // The account really is signed in and allowed in the staff area: the refusals below are about the role.
        var dashboard = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var token = StaffSessions.AntiforgeryToken(await dashboard.Content.ReadAsStringAsync());

        foreach (var attempt in AttorneyOnlyRequests(targets))
        {
            using var request = new HttpRequestMessage(new HttpMethod(attempt.Method), attempt.Path);
            if (attempt.Method == "POST")
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>(attempt.Form ?? []) { ["__RequestVerificationToken"] = token });
            }

            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                $"{attempt.Method} {attempt.Path} answered {(int)response.StatusCode} {response.Headers.Location}");
            if (attempt.Method != "HEAD")
            {
                Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await SnapshotAsync(targets));
        await using var scope = factory.CreateDbScope();
        Assert.False(await scope.Db.Users.AnyAsync(u => u.Email == IntruderEmail));
        var staffActions = await scope.Db.AuditEntries.Where(a => a.ActorId == staff.Id).Select(a => a.Action).ToListAsync();
        Assert.All(staffActions, action => Assert.Equal("Signed in", action));
    }

    [Fact]
    public void EveryEndpointMarkedAttorneyOnlyIsOnTheHandWrittenList()
    {
        // The list proves the refusals; this only keeps it complete when an Attorney-only endpoint is added.
        var listed = AttorneyOnlyRequests(new Targets("", "", "", "", 0, 0, 0, 0)).Select(r => $"{r.Method} {r.Route}").ToHashSet();
        var marked = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == IdentityExtensions.AttorneyPolicy))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();

        var missing = marked.Where(m => !listed.Contains(m)).ToList();

        Assert.NotEmpty(marked);
        Assert.True(missing.Count == 0, "Attorney-only but not on the list: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryAdminPostIsRefusedWithoutAnAntiforgeryToken()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "attorney.af@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);
        var posts = AdminEndpoints().Where(e => e.Method == "POST").ToList();
        Assert.NotEmpty(posts);

        foreach (var endpoint in posts.Append(new AdminEndpoint("POST", "/account/logout")))
        {
            var response = await client.PostAsync(endpoint.Path, new FormUrlEncodedContent([]));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint.Path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task AdminPagesAreNeverCached()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "attorney.cache@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);

        // Pages that need an existing item (a route value, or the two snapshots compare names) are left to their own tests.
        foreach (var endpoint in AdminEndpoints().Where(e => e.Method == "GET" && !e.Path.Contains("/1/", StringComparison.Ordinal) && e.Path != "/admin/advertising/compare"
            && !e.Path.EndsWith("/1", StringComparison.Ordinal) && !e.Path.Contains("00000000", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(endpoint.Path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{endpoint.Path} must be no-store");
        }
    }

    private async Task<Targets> ArrangeTargetsAsync()
    {
        var (active, _) = await StaffSessions.CreateAsync(factory, "active.target@pirisite.test", StaffRoles.Staff);
        var (disabled, _) = await StaffSessions.CreateAsync(factory, "disabled.target@pirisite.test", StaffRoles.Staff);
        var lead = await OutboxControllerTests.SubmitAsync(factory);
        var spamLead = await OutboxControllerTests.SubmitAsync(factory);

        await using var scope = factory.CreateDbScope();
        var users = scope.Services.GetRequiredService<UserManager<StaffUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByIdAsync(disabled.Id))!, DateTimeOffset.MaxValue);
        await scope.Db.ConsultationRequests.Where(r => r.Reference == spamLead)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, LeadStatus.Spam));
        var failed = new OutboxMessage
        {
            Kind = OutboxKind.IntakeNotice, ConsultationReference = lead, To = "intake@localhost", Subject = $"New consultation request {lead}",
            TextBody = "body", Status = OutboxStatus.Failed, Attempts = 30, LastError = "SocketException: Connection refused",
            CreatedAt = DateTime.UtcNow.AddHours(-1), NextAttemptAt = DateTime.UtcNow.AddHours(-1),
        };
        scope.Db.OutboxMessages.Add(failed);
        await scope.Db.SaveChangesAsync();
        var articleId = await scope.Db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var practiceAreaId = await scope.Db.PracticeAreas.Where(p => p.Culture == SiteCulture.Spanish && p.Slug == "asilo").Select(p => p.Id).SingleAsync();
        var firmVersion = await scope.Db.FirmProfiles.Where(f => f.Culture == SiteCulture.English).Select(f => f.Version).SingleAsync();
        var advertising = await AdvertisingSnapshots.AddAsync(factory, "authorization-target", "en", DateTime.UtcNow.AddDays(-1), "An archived page.");
        return new Targets(active.Id, disabled.Id, lead, spamLead, articleId, practiceAreaId, failed.Id, firmVersion, advertising);
    }

    /// <summary>Everything the Attorney-only requests would change, as one comparable string.</summary>
    private async Task<string> SnapshotAsync(Targets t)
    {
        await using var scope = factory.CreateDbScope();
        var db = scope.Db;
        var users = await db.Users.AsNoTracking().Where(u => u.Id == t.ActiveStaffId || u.Id == t.DisabledStaffId).OrderBy(u => u.Email)
            .Select(u => $"{u.Email} {u.LockoutEnd} {u.TwoFactorEnabled} {u.SecurityStamp}").ToListAsync();
        var keys = await db.UserTokens.AsNoTracking().Where(k => k.UserId == t.ActiveStaffId).Select(k => k.Name + "=" + k.Value).ToListAsync();
        var leads = await db.ConsultationRequests.AsNoTracking().Where(r => r.Reference == t.Lead || r.Reference == t.SpamLead).OrderBy(r => r.Reference)
            .Select(r => $"{r.Reference} {r.Status}").ToListAsync();
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == t.ArticleId).Select(a => $"{a.ReviewedAt:O} {a.ReviewedBy}").SingleAsync();
        var area = await db.PracticeAreas.AsNoTracking().Where(p => p.Id == t.PracticeAreaId).Select(p => $"{p.ReviewedAt:O} {p.ReviewedBy}").SingleAsync();
        var firm = await db.FirmProfiles.AsNoTracking().Where(f => f.Culture == SiteCulture.English).Select(f => $"{f.FirmName} {f.AttorneyName} v{f.Version}").SingleAsync();
        var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == t.FailedMessageId).Select(m => $"{m.Status} {m.NextAttemptAt:O}").SingleAsync();
        var advertising = await db.AdvertisingSnapshots.AsNoTracking().Where(s => s.Id == t.AdvertisingSnapshotId).Select(s => $"{s.FilingState} {s.ExemptReason}").SingleAsync();
        return string.Join("\n", [.. users, .. keys, .. leads, article, area, firm, message, advertising, $"{leads.Count} leads"]);
    }
}
