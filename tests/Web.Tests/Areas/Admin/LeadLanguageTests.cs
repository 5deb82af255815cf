using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>Staff read which language a request was made in and the notice exactly as the person accepted it.</summary>
public sealed class LeadLanguageTests : IDisposable
{
    private readonly SiteFactory _factory = new();

    [Fact]
    public async Task TheRequestPageShowsTheLanguageItWasMadeInAndTheNoticeWordForWord()
    {
        var request = ConsultationRequest.Create(
            new ConsultationDetails("Aïssatou Diallo", "(214) 555-0199", null, ContactLanguage.French, ContactMethod.Phone,
                "asylum", Urgency.None, null, "Une description."),
            ConsultationReference.Generate(), Guid.NewGuid(), DateTime.UtcNow, "/fr/consultation", "fr", SpamVerdict.NotSpam,
            await SeededNotices.CurrentAsync(_factory, "fr"));
        await using (var scope = _factory.CreateDbScope())
        {
            scope.Db.ConsultationRequests.Add(request);
            await scope.Db.SaveChangesAsync();
        }

        var (user, key) = await StaffSessions.CreateAsync(_factory, $"{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(_factory, user.Email!, key);

        var html = await client.GetStringAsync($"/admin/leads/{request.Reference}");
        var text = WebUtility.HtmlDecode(html);

        Assert.Contains("<dd id=\"made-in\">French", text, StringComparison.Ordinal);
        Assert.Contains("Version 1 (French), in force from", text, StringComparison.Ordinal);
        Assert.Contains($"lang=\"fr\">{(await SeededNotices.CurrentAsync(_factory, "fr")).Text}</blockquote>", text, StringComparison.Ordinal);
        Assert.DoesNotContain((await SeededNotices.CurrentAsync(_factory)).Text, text, StringComparison.Ordinal);

        var inbox = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/leads"));
        var row = inbox[inbox.IndexOf(request.Reference, StringComparison.Ordinal)..];
        Assert.Contains("made in French", row[..row.IndexOf("</article>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
