using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The Attorney's outbox page: undelivered emails with their state, last error and next attempt, never their
/// addresses, names or texts; and "retry now", which makes a failed message due and wakes the sender.
/// </summary>
public sealed class OutboxControllerTests
{
    // Marker values typed into the real consultation form: none of them may appear on the outbox page.
    private static readonly Dictionary<string, string> s_marked = new(ConsultationForm.ValidValues())
    {
        ["FullName"] = "Quenby Marrowfield",
        ["Email"] = "quenby.marrowfield@example.com",
        ["Phone"] = "(214) 555-0199",
        ["PreferredLanguage"] = "English",
        ["Description"] = "Marker text: a lighthouse keeper from Galveston lost his papers.",
    };

    private static readonly string[] s_personal =
    [
        "Quenby", "Marrowfield", "quenby.marrowfield", "555-0199", "lighthouse keeper",
        "intake@pirisite.test", // the firm's own address is no business of this page either
        "Thank you for contacting", "A new consultation request arrived", // bodies
        "We received your consultation request", "New consultation request PR-", // subjects
    ];

    private static Dictionary<string, string?> Settings(int maxAttempts, int retryBaseSeconds, int pollSeconds) => new()
    {
        ["Consultation:IntakeEmail"] = "intake@pirisite.test",
        ["Mail:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
        ["Mail:RetryBaseSeconds"] = retryBaseSeconds.ToString(CultureInfo.InvariantCulture),
        ["Mail:PollSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ThePageListsRetryingAndFailedMessagesWithTheirErrorAndNextAttemptButNoPersonalData()
    {
        using var factory = new OutboxSiteFactory(Settings(maxAttempts: 2, retryBaseSeconds: 600, pollSeconds: 1));
        using var attorney = await SignInAsync(factory, StaffRoles.Attorney);
        var reference = await SubmitAsync(factory);

        var retrying = await factory.WaitForOutboxAsync(m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        var page = await attorney.GetStringAsync("/admin/outbox");

        Assert.Equal(2, retrying.Count);
        Assert.Contains("2 undelivered messages, 0 failed.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/leads/{reference}\">{reference}</a>", page, StringComparison.Ordinal);
        Assert.Contains("Intake notice (to the firm)", page, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement (to the person)", page, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(page, "<td>Retrying</td>"));
        Assert.Equal(2, Occurrences(page, "IOException: 550 5.1.1 &lt;[recipient]&gt;: mailbox unavailable"));
        foreach (var message in retrying)
        {
            Assert.Contains($"<td>{message.NextAttemptAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</td>", page, StringComparison.Ordinal);
            Assert.Contains($"action=\"/admin/outbox/{message.Id}/retry\"", page, StringComparison.Ordinal);
        }

        AssertNoPersonalData(page);

        // The second (and last) attempt comes due and fails too: the sender gives up.
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await factory.WaitForOutboxAsync(m => m.Status == OutboxStatus.Failed);
        page = await attorney.GetStringAsync("/admin/outbox");

        Assert.Contains("2 undelivered messages, 2 failed.", page, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(page, "<td>Failed</td>"));
        Assert.Equal(2, Occurrences(page, "<td>None: the sender gave up</td>"));
        Assert.Contains("action=\"/admin/outbox/retry-failed\"", page, StringComparison.Ordinal);
        AssertNoPersonalData(page);
    }

    [Fact]
    public async Task RetryNowSendsAFailedMessageAtOnceAndRetryAllSendsTheRest()
    {
        // The sender polls only every ten minutes here, so a delivery within seconds proves that "retry now" woke it.
        using var factory = new OutboxSiteFactory(Settings(maxAttempts: 1, retryBaseSeconds: 600, pollSeconds: 600));
        using var attorney = await SignInAsync(factory, StaffRoles.Attorney);
        var reference = await SubmitAsync(factory);
        var failed = await factory.WaitForOutboxAsync(m => m.Status == OutboxStatus.Failed);
        var intake = failed.Single(m => m.Kind == OutboxKind.IntakeNotice);
        Assert.Equal(reference, intake.ConsultationReference);

        factory.Transport.Failing = false;
        var token = StaffSessions.AntiforgeryToken(await attorney.GetStringAsync("/admin/outbox"));
        var response = await attorney.PostAsync($"/admin/outbox/{intake.Id}/retry", Form(token));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/outbox", response.Headers.Location?.OriginalString);
        var afterOne = await factory.WaitForOutboxAsync(m => m.Kind != OutboxKind.IntakeNotice || m.Status == OutboxStatus.Sent);
        Assert.Equal(OutboxStatus.Failed, afterOne.Single(m => m.Kind == OutboxKind.Acknowledgement).Status);
        Assert.Equal($"New consultation request {reference} (URGENT: someone is detained now)", Assert.Single(factory.Transport.Delivered).Subject);

        var page = await attorney.GetStringAsync("/admin/outbox");
        Assert.Contains($"Message {intake.Id} will be sent again now.", page, StringComparison.Ordinal);
        response = await attorney.PostAsync("/admin/outbox/retry-failed", Form(StaffSessions.AntiforgeryToken(page)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await factory.WaitForOutboxAsync(m => m.Status == OutboxStatus.Sent);
        Assert.Equal(2, factory.Transport.Delivered.Count);
        page = await attorney.GetStringAsync("/admin/outbox");
        Assert.Contains("1 failed message(s) will be sent again now.", page, StringComparison.Ordinal);
        Assert.Contains("Every email has been delivered.", page, StringComparison.Ordinal);

        // Each retry is in the audit log, by message and reference.
        await using var scope = factory.CreateDbScope();
        var audited = await scope.Db.AuditEntries.Where(a => a.Action == "Email retry requested").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([$"message {intake.Id} ({reference})", "1 failed message(s)"], audited.Select(a => a.Target));
    }

    [Fact]
    public async Task ASentMessageCannotBeRetriedAndAnUnknownOneIsNotFound()
    {
        using var factory = new OutboxSiteFactory(Settings(maxAttempts: 1, retryBaseSeconds: 600, pollSeconds: 1));
        factory.Transport.Failing = false;
        using var attorney = await SignInAsync(factory, StaffRoles.Attorney);
        await SubmitAsync(factory);
        var sent = await factory.WaitForOutboxAsync(m => m.Status == OutboxStatus.Sent);
        var token = StaffSessions.AntiforgeryToken(await attorney.GetStringAsync("/admin/outbox"));

        Assert.Equal(HttpStatusCode.NotFound, (await attorney.PostAsync($"/admin/outbox/{sent[0].Id}/retry", Form(token))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await attorney.PostAsync("/admin/outbox/999999/retry", Form(token))).StatusCode);
        Assert.Equal(2, factory.Transport.Delivered.Count);
    }

    private static async Task<HttpClient> SignInAsync(OutboxSiteFactory factory, string role)
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }

    /// <summary>Posts the marked request through the real form; returns its reference.</summary>
    internal static async Task<string> SubmitAsync(SiteFactory factory)
    {
        using var visitor = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(visitor);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(visitor, s_marked)).StatusCode);
        await using var scope = factory.CreateDbScope();
        return await scope.Db.ConsultationRequests.Where(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]))
            .Select(r => r.Reference).SingleAsync();
    }

    private static void AssertNoPersonalData(string page)
    {
        foreach (var personal in s_personal)
        {
            Assert.DoesNotContain(personal, page, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
}
