using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The quarantine says why each request is there, and its bulk deletion asks first: the first press shows a
/// confirmation page and deletes nothing; only its confirming form does; "Keep them" goes back with nothing gone.
/// </summary>
public sealed class LeadQuarantineTests : IDisposable
{
    private readonly LeadInboxSite _site = new();

    [Fact]
    public async Task EachQuarantinedRequestSaysWhyAndHasALabelledCheckbox()
    {
        var bot = await _site.AddAsync("Honeypot Bot", LeadStatus.Spam);
        using var attorney = await _site.SignInAsync(StaffRoles.Attorney);

        var html = WebUtility.HtmlDecode(await attorney.GetStringAsync("/admin/leads?view=spam"));

        Assert.Contains($"Why it is here:</span> {SpamVerdicts.Label(SpamVerdict.Honeypot)}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Honeypot<", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"checkbox\" name=\"references\" value=\"{bot.Reference}\" id=\"select-{bot.Reference}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"select-{bot.Reference}\">Select {bot.Reference}</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheSelectedRequestsAsksFirstAndDeletesNothingUntilConfirmed()
    {
        var bot1 = await _site.AddAsync("First Spam Bot", LeadStatus.Spam);
        var bot2 = await _site.AddAsync("Second Spam Bot", LeadStatus.Spam);
        var genuine = await _site.AddAsync("Genuine Person Not Quarantined");
        using var attorney = await _site.SignInAsync(StaffRoles.Attorney);
        var quarantine = await attorney.GetStringAsync("/admin/leads?view=spam");

        var asked = await attorney.PostAsync("/admin/leads/spam/delete",
            LeadInboxSite.Form(quarantine, ("references", bot1.Reference), ("references", bot2.Reference), ("references", genuine.Reference)));
        var confirmation = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Delete 2 requests permanently?", confirmation, StringComparison.Ordinal);
        Assert.Contains($"{bot1.Reference}: First Spam Bot", confirmation, StringComparison.Ordinal);
        Assert.Contains($"{bot2.Reference}: Second Spam Bot", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain(genuine.Reference, confirmation, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"confirmed\" value=\"true\">", confirmation, StringComparison.Ordinal);
        Assert.Contains("<a class=\"btn\" href=\"/admin/leads?view=spam\">Keep them</a>", confirmation, StringComparison.Ordinal);
        Assert.True(await _site.ExistsAsync(bot1.Reference) && await _site.ExistsAsync(bot2.Reference));

        // "Keep them" is a plain link back to the quarantine: nothing is deleted, both are still listed.
        var kept = await attorney.GetStringAsync("/admin/leads?view=spam");
        Assert.Contains("First Spam Bot", kept, StringComparison.Ordinal);
        Assert.Contains("Second Spam Bot", kept, StringComparison.Ordinal);

        // The confirming form posts the same references again, with confirmed=true.
        var fields = System.Text.RegularExpressions.Regex.Matches(confirmation, "<input type=\"hidden\" name=\"(references|confirmed)\" value=\"([^\"]+)\">")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();
        var confirmed = await attorney.PostAsync("/admin/leads/spam/delete", LeadInboxSite.Form(confirmation, fields));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/admin/leads?view=spam", confirmed.Headers.Location?.OriginalString);
        Assert.False(await _site.ExistsAsync(bot1.Reference));
        Assert.False(await _site.ExistsAsync(bot2.Reference));
        Assert.True(await _site.ExistsAsync(genuine.Reference));
    }

    [Fact]
    public async Task PressingDeleteWithNothingTickedOrNothingLeftInQuarantineDeletesNothingAndSaysSo()
    {
        var bot = await _site.AddAsync("Lonely Spam Bot", LeadStatus.Spam);
        var genuine = await _site.AddAsync("Marked Genuine Meanwhile");
        using var attorney = await _site.SignInAsync(StaffRoles.Attorney);
        var quarantine = await attorney.GetStringAsync("/admin/leads?view=spam");

        var nothing = await attorney.PostAsync("/admin/leads/spam/delete", LeadInboxSite.Form(quarantine, ("confirmed", "true")));
        var afterNothing = await attorney.GetStringAsync("/admin/leads?view=spam");
        var gone = await attorney.PostAsync("/admin/leads/spam/delete", LeadInboxSite.Form(quarantine, ("references", genuine.Reference), ("confirmed", "true")));
        var afterGone = await attorney.GetStringAsync("/admin/leads?view=spam");

        Assert.Equal(HttpStatusCode.Redirect, nothing.StatusCode);
        Assert.Contains("Tick the requests to delete first.", afterNothing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.Contains("Nothing was deleted: those requests are no longer in the quarantine.", afterGone, StringComparison.Ordinal);
        Assert.True(await _site.ExistsAsync(bot.Reference));
        Assert.True(await _site.ExistsAsync(genuine.Reference));
    }

    public void Dispose() => _site.Dispose();
}
