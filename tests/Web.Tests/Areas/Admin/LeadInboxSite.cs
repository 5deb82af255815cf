using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The site for the inbox and dashboard tests: requests described as people would (received this long ago, a
/// court date in so many days, a follow-up on that day), a signed-in member of staff, and the order of names on a page.
/// </summary>
internal sealed class LeadInboxSite : IDisposable
{
    public LeadInboxSite(int pageSize = 50) =>
        Factory = new SiteFactory(new Dictionary<string, string?> { ["Leads:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            RunsBackgroundServices = false,
        };

    public SiteFactory Factory { get; }

    /// <summary>The firm's calendar day, the one urgency and follow-up dates are counted in.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(DateTime.UtcNow));

    public async Task<ConsultationRequest> AddAsync(
        string name, LeadStatus status = LeadStatus.New, Urgency urgency = Urgency.None, int? courtInDays = null,
        TimeSpan? receivedAgo = null, int? followUpInDays = null, ContactLanguage language = ContactLanguage.English)
    {
        var request = LeadRequests.Make(name, status, language: language, urgency: urgency,
            courtDate: courtInDays is { } days ? Today.AddDays(days) : null, createdAt: DateTime.UtcNow - (receivedAgo ?? TimeSpan.FromMinutes(5)));
        if (followUpInDays is { } followUp)
        {
            request.SetFollowUp(Today.AddDays(followUp));
        }

        await using var scope = Factory.CreateDbScope();
        scope.Db.ConsultationRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        return request;
    }

    public async Task<bool> ExistsAsync(string reference)
    {
        await using var scope = Factory.CreateDbScope();
        return await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == reference);
    }

    public async Task<HttpClient> SignInAsync(string role = StaffRoles.Staff)
    {
        var (user, key) = await StaffSessions.CreateAsync(Factory, $"{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(Factory, user.Email!, key);
    }

    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page))));

    /// <summary>The names in the order the page shows them; fails when one of them is missing.</summary>
    public static List<string> Order(string html, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(html.Contains(name, StringComparison.Ordinal), $"{name} is not on the page");
        }

        return [.. names.OrderBy(name => html.IndexOf(name, StringComparison.Ordinal))];
    }

    public void Dispose() => Factory.Dispose();
}
