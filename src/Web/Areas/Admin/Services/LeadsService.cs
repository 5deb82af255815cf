using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using CsvHelper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Domain.Search;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Options;
using PiriSite.Web.Services;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// The leads inbox: finding, reading and following up consultation requests. Every view of a request,
/// every export and every deletion is written to the audit log (by reference, never by content).
/// </summary>
public sealed class LeadsService(
    SiteDbContext db,
    UserManager<StaffUser> users,
    AuditLog audit,
    LeadPurge purge,
    TimeProvider clock,
    IOptions<LeadsOptions> options)
{
    public async Task<LeadInboxScreen> InboxAsync(LeadFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        filter.Page = Math.Clamp(filter.Page, 1, 100_000);

        var query = Filtered(filter, now);
        var urgentLimit = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(now)).AddDays(14);
        var areas = await PracticeAreasAsync(cancellationToken);
        var names = areas.ToDictionary(a => a.Key, a => a.Name);

        // One pass over the (Status, CreatedAt) index gives the counts per status and the "needs a response"
        // count; with no filter beyond a status or view, it gives the total too.
        var threshold = now.AddHours(-settings.NeedsResponseHours);
        var perStatus = await db.ConsultationRequests.GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count(), Waiting = g.Count(r => r.CreatedAt < threshold) })
            .ToListAsync(cancellationToken);
        var counts = perStatus.ToDictionary(g => g.Key, g => g.Count);
        var needsResponse = perStatus.FirstOrDefault(g => g.Key == LeadStatus.New)?.Waiting ?? 0;
        var total = OnlyStatusOrView(filter)
            ? filter.View switch
            {
                "spam" => counts.GetValueOrDefault(LeadStatus.Spam),
                "needs-response" => needsResponse,
                _ => filter.StatusValue is { } status ? counts.GetValueOrDefault(status) : counts.Where(c => c.Key != LeadStatus.Spam).Sum(c => c.Value),
            }
            : await query.CountAsync(cancellationToken);
        var searchCapped = filter.Q?.Trim() is { Length: >= 3 } term && await SearchHasMoreThanCapAsync(term, cancellationToken);

        var skip = (filter.Page - 1) * settings.PageSize;
        var page = filter.Sort == "urgent"
            ? await UrgentFirstPageAsync(query, urgentLimit, skip, settings.PageSize, cancellationToken)
            : await Page(query.OrderByDescending(r => r.CreatedAt), skip, settings.PageSize).ToListAsync(cancellationToken);
        var rows = page;
        return new LeadInboxScreen(
            filter,
            rows.Select(r => new LeadRow(r.Reference, r.FullName, r.Status,
                LeadWorkflow.IsUrgent(r.Urgency, r.CourtDate, urgentLimit.AddDays(-14)), DescribeUrgency(r.Urgency, r.CourtDate),
                r.PracticeAreaKey is null ? null : names.GetValueOrDefault(r.PracticeAreaKey, r.PracticeAreaKey),
                r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict)).ToList(),
            total, counts, needsResponse, areas, now, settings.PageSize, searchCapped);
    }

    private async Task<bool> SearchHasMoreThanCapAsync(string search, CancellationToken cancellationToken)
    {
        var pattern = LikePattern.Containing(search);
        var cap = options.Value.SearchCap;
        var found = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM (SELECT rowid FROM LeadSearch WHERE Text LIKE {pattern} LIMIT {cap + 1})")
            .SingleAsync(cancellationToken);
        return found > cap;
    }

    private sealed record InboxItem(
        string Reference, string FullName, LeadStatus Status, Urgency Urgency, DateOnly? CourtDate, string? PracticeAreaKey,
        ContactLanguage PreferredLanguage, DateTime CreatedAt, bool IsUnread, string? AssignedToName, SpamVerdict SpamVerdict);

    private static IQueryable<InboxItem> Page(IOrderedQueryable<ConsultationRequest> ordered, int skip, int take) =>
        ordered.Skip(skip).Take(take).Select(r => new InboxItem(r.Reference, r.FullName, r.Status, r.Urgency, r.CourtDate,
            r.PracticeAreaKey, r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict));

    // Urgent first, as two queries that each walk an index (urgent ones, then the rest, newest first in each),
    // instead of computing urgency for every request and sorting them all.
    private static async Task<List<InboxItem>> UrgentFirstPageAsync(
        IQueryable<ConsultationRequest> query, DateOnly urgentLimit, int skip, int take, CancellationToken cancellationToken)
    {
        var urgent = query.Where(r => r.Urgency == Urgency.Detained || (r.Urgency == Urgency.CourtDate && r.CourtDate <= urgentLimit));
        var urgentCount = await urgent.CountAsync(cancellationToken);
        var items = skip < urgentCount
            ? await Page(urgent.OrderByDescending(r => r.CreatedAt), skip, take).ToListAsync(cancellationToken)
            : [];
        if (items.Count < take)
        {
            var rest = query.Where(r => !(r.Urgency == Urgency.Detained || (r.Urgency == Urgency.CourtDate && r.CourtDate <= urgentLimit)));
            items.AddRange(await Page(rest.OrderByDescending(r => r.CreatedAt), Math.Max(0, skip - urgentCount), take - items.Count).ToListAsync(cancellationToken));
        }

        return items;
    }

    private static bool OnlyStatusOrView(LeadFilter filter) =>
        string.IsNullOrEmpty(filter.Area) && filter.LanguageValue is null && !filter.Urgent
        && filter.From is null && filter.To is null && string.IsNullOrWhiteSpace(filter.Q);

    public Task<int> NeedsResponseCountAsync(CancellationToken cancellationToken = default)
    {
        var threshold = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.NeedsResponseHours);
        return db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.New && r.CreatedAt < threshold, cancellationToken);
    }

    /// <param name="recordView">
    /// False for a HEAD request: it is answered like GET, but nobody reads the page, so it is neither marked read
    /// nor written to the audit log as viewed.
    /// </param>
    public async Task<LeadDetailScreen?> DetailAsync(string reference, ClaimsPrincipal actor, bool canDelete, bool recordView = true)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return null;
        }

        if (recordView)
        {
            if (request.IsUnread)
            {
                request.IsUnread = false;
                await db.SaveChangesAsync();
            }

            await audit.RecordAsync(actor, "Consultation request viewed", request.Reference);
        }

        var timeline = await db.LeadNotes.AsNoTracking().Where(n => n.ConsultationRequestId == request.Id).OrderByDescending(n => n.At).ThenByDescending(n => n.Id).ToListAsync();
        var areas = await PracticeAreasAsync();
        var staff = (await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync())
            .Where(u => !u.IsDisabled)
            .Select(u => new StaffOption(u.Id, u.ShownName)).ToList();
        var today = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(clock.GetUtcNow().UtcDateTime));
        return new LeadDetailScreen(
            request,
            areas.FirstOrDefault(a => a.Key == request.PracticeAreaKey)?.Name,
            timeline,
            await PossibleEarlierContactsAsync(request),
            staff,
            LeadWorkflow.IsUrgent(request.Urgency, request.CourtDate, today),
            canDelete);
    }

    /// <summary>Moves a request along the pipeline; returns an error message when the move is not allowed.</summary>
    public async Task<string?> ChangeStatusAsync(string reference, string? status, ClaimsPrincipal actor)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return "This request no longer exists.";
        }

        if (!Enum.TryParse<LeadStatus>(status, out var next) || !Enum.IsDefined(next))
        {
            return "Choose a status from the list.";
        }

        var previous = request.Status;
        if (!request.MoveTo(next, clock.GetUtcNow().UtcDateTime))
        {
            return $"A request that is {LeadWorkflow.Label(previous)} cannot become {LeadWorkflow.Label(next)}.";
        }

        await AddTimelineAsync(request.Id, LeadNoteKind.StatusChange, $"{LeadWorkflow.Label(previous)} → {LeadWorkflow.Label(next)}", actor);
        await audit.RecordAsync(actor, "Consultation request status changed", request.Reference, $"{previous} → {next}");
        return null;
    }

    public async Task<string?> AddNoteAsync(string reference, string? text, ClaimsPrincipal actor)
    {
        var note = text?.Trim() ?? "";
        if (note.Length == 0)
        {
            return "Write the note first.";
        }

        if (note.Length > LeadNote.TextMaxLength)
        {
            return $"Shorten the note to {LeadNote.TextMaxLength:N0} characters or fewer.";
        }

        var id = await IdOfAsync(reference);
        if (id is null)
        {
            return "This request no longer exists.";
        }

        await AddTimelineAsync(id.Value, LeadNoteKind.Note, note, actor);
        return null;
    }

    public async Task<string?> AssignAsync(string reference, string? staffId, ClaimsPrincipal actor)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return "This request no longer exists.";
        }

        var assignee = string.IsNullOrEmpty(staffId) ? null : await users.FindByIdAsync(staffId);
        if (!string.IsNullOrEmpty(staffId) && assignee is null)
        {
            return "Choose a member of staff from the list.";
        }

        request.AssignedToId = assignee?.Id;
        request.AssignedToName = assignee?.ShownName;
        await AddTimelineAsync(request.Id, LeadNoteKind.Assignment, request.AssignedToName is null ? "Unassigned" : $"Assigned to {request.AssignedToName}", actor);
        return null;
    }

    public async Task<string?> SetFollowUpAsync(string reference, string? date, ClaimsPrincipal actor)
    {
        DateOnly? followUp = null;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return "Enter the follow-up date as a date, for example 2027-01-15.";
            }

            followUp = parsed;
        }

        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return "This request no longer exists.";
        }

        request.FollowUpOn = followUp;
        await AddTimelineAsync(request.Id, LeadNoteKind.FollowUp, followUp is { } on ? $"Follow up on {on:MMMM d, yyyy}" : "Follow-up date cleared", actor);
        return null;
    }

    public async Task<bool> MarkUnreadAsync(string reference)
    {
        var updated = await db.ConsultationRequests.Where(r => r.Reference == reference).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsUnread, true));
        return updated > 0;
    }

    /// <summary>Permanent deletion of one request, whatever its status (the Attorney's alone: see the controller).</summary>
    public async Task<bool> DeleteAsync(string reference, ClaimsPrincipal actor)
    {
        var deleted = await purge.DeleteAsync(r => r.Reference == reference,
            references => audit.RecordAsync(actor, "Consultation request deleted", references[0]));
        return deleted.Count > 0;
    }

    /// <summary>Deletes the chosen requests that are still in quarantine; the audit names the ones really deleted.</summary>
    public async Task<int> DeleteSpamAsync(IReadOnlyCollection<string> references, ClaimsPrincipal actor)
    {
        var deleted = await purge.DeleteAsync(r => r.Status == LeadStatus.Spam && references.Contains(r.Reference),
            async deleted =>
            {
                foreach (var details in LeadPurge.AuditDetails(deleted))
                {
                    await audit.RecordAsync(actor, "Suspected spam deleted", $"{deleted.Count} request(s)", details);
                }
            });
        return deleted.Count;
    }

    /// <summary>
    /// The open requests that retention will delete for inactivity within <see cref="LeadsOptions.InactivityWarningDays"/>,
    /// soonest first, with the day each goes (a note or a status change keeps one).
    /// </summary>
    public async Task<IReadOnlyList<ExpiringLead>> ExpiringForInactivityAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var warnFrom = now.AddDays(settings.InactivityWarningDays - settings.InactiveRetentionDays);
        var rows = await db.ConsultationRequests.AsNoTracking()
            .Where(InactiveSince(warnFrom, DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(now)).AddDays(settings.InactivityWarningDays)))
            .Select(r => new
            {
                r.Reference,
                r.FullName,
                r.Status,
                r.StatusChangedAt,
                r.FollowUpOn,
                LastNote = db.LeadNotes.Where(n => n.ConsultationRequestId == r.Id).Max(n => (DateTime?)n.At),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ExpiringLead(r.Reference, r.FullName, r.Status, DeletionDay(
                (r.LastNote is { } note && note > r.StatusChangedAt ? note : r.StatusChangedAt).AddDays(settings.InactiveRetentionDays), r.FollowUpOn)))
            .OrderBy(r => r.DeletedOn).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();
    }

    // A follow-up date still to come keeps a request until the day after it.
    private static DateOnly DeletionDay(DateTime inactiveUntil, DateOnly? followUpOn)
    {
        var day = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(inactiveUntil));
        return followUpOn is { } followUp && followUp >= day ? followUp.AddDays(1) : day;
    }

    /// <summary>The filtered list as CSV, with every cell that a spreadsheet would run as a formula neutralised.</summary>
    /// <param name="record">False for a HEAD request, which receives no file and so exports nothing.</param>
    public async Task<string> ExportCsvAsync(LeadFilter filter, ClaimsPrincipal actor, bool record = true)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var areas = (await PracticeAreasAsync()).ToDictionary(a => a.Key, a => a.Name);
        var rows = await Filtered(filter, now).OrderByDescending(r => r.CreatedAt).ToListAsync();

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true);
        using (csv as IDisposable)
        {
            csv.WriteRecord(["Reference", "Received (Central Time)", "Status", "Name", "Phone", "Email", "Language", "Contact by", "Practice area", "Urgency", "Court date", "Assigned to", "Follow up on", "Description"]);
            foreach (var r in rows)
            {
                string?[] values =
                [
                    r.Reference, FirmTimeZone.ToFirmTime(r.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), LeadWorkflow.Label(r.Status),
                    r.FullName, r.Phone, r.Email, r.PreferredLanguage.ToString(), r.ContactMethod.ToString(),
                    r.PracticeAreaKey is null ? "Not sure" : areas.GetValueOrDefault(r.PracticeAreaKey, r.PracticeAreaKey), r.Urgency.ToString(),
                    r.CourtDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.AssignedToName,
                    r.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Description,
                ];
                csv.WriteRecord(values.Select(SpreadsheetSafe).ToArray());
            }

            csv.Flush();
        }

        if (record)
        {
            await audit.RecordAsync(actor, "Consultation requests exported", $"{rows.Count} request(s)", filter.QueryString());
        }

        return writer.ToString();
    }

    /// <summary>
    /// A cell starting with =, +, -, @, a tab or a carriage return is run as a formula by spreadsheet programs
    /// (CSV injection); a leading apostrophe makes it plain text, as OWASP recommends.
    /// </summary>
    public static string SpreadsheetSafe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    public async Task<IReadOnlyList<PracticeAreaOption>> PracticeAreasAsync(CancellationToken cancellationToken = default) =>
        await db.PracticeAreas.AsNoTracking().Where(p => p.Culture == SiteCulture.English)
            .OrderBy(p => p.DisplayOrder).Select(p => new PracticeAreaOption(p.TranslationKey, p.Name)).ToListAsync(cancellationToken);

    private IQueryable<ConsultationRequest> Filtered(LeadFilter filter, DateTime now)
    {
        var query = db.ConsultationRequests.AsNoTracking();
        query = filter.View switch
        {
            "spam" => query.Where(r => r.Status == LeadStatus.Spam),
            "needs-response" => query.Where(r => r.Status == LeadStatus.New && r.CreatedAt < now.AddHours(-options.Value.NeedsResponseHours)),
            _ => filter.StatusValue is { } status ? query.Where(r => r.Status == status) : query.Where(r => r.Status != LeadStatus.Spam),
        };

        if (filter.Area == ConsultationValidator.NotSurePracticeArea)
        {
            query = query.Where(r => r.PracticeAreaKey == null);
        }
        else if (!string.IsNullOrEmpty(filter.Area))
        {
            query = query.Where(r => r.PracticeAreaKey == filter.Area);
        }

        if (filter.LanguageValue is { } language)
        {
            query = query.Where(r => r.PreferredLanguage == language);
        }

        if (filter.Urgent)
        {
            var limit = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(now)).AddDays(14);
            query = query.Where(r => r.Urgency == Urgency.Detained || (r.Urgency == Urgency.CourtDate && r.CourtDate <= limit));
        }

        if (filter.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), FirmTimeZone.Value);
            query = query.Where(r => r.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), FirmTimeZone.Value);
            query = query.Where(r => r.CreatedAt < end);
        }

        if (LikePattern.Literal(filter.Q) is { Length: > 0 } search)
        {
            var pattern = $"%{search}%";
            if (search.Length >= 3)
            {
                // The trigram full-text index (see the LeadSearchIndex migration) answers LIKE without a scan.
                // A word that matches thousands of requests is cut to the newest Leads:SearchCap of them: listing
                // and counting every match is what would make a broad search slow, and nobody reads past it.
                var matches = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM LeadSearch WHERE Text LIKE {pattern} ORDER BY rowid DESC LIMIT {options.Value.SearchCap}");
                query = query.Where(r => matches.Contains(r.Id));
            }
            else
            {
                query = query.Where(r => EF.Functions.Like(r.FullName, pattern) || EF.Functions.Like(r.Email!, pattern)
                    || EF.Functions.Like(r.Phone!, pattern) || EF.Functions.Like(r.Description, pattern));
            }
        }

        return query;
    }

    private async Task<IReadOnlyList<LeadRow>> PossibleEarlierContactsAsync(ConsultationRequest request)
    {
        var digits = Digits(request.Phone);
        var email = request.Email is null ? null : LikePattern.Literal(request.Email);
        var nameTokens = NameTokens(request.FullName);
        var last = nameTokens.LastOrDefault() ?? "";
        var candidates = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Id != request.Id && (
                (email != null && r.Email != null && EF.Functions.Like(r.Email, email))
                || (request.Phone != null && r.Phone != null)
                || (last.Length > 1 && EF.Functions.Like(r.FullName, $"%{last}%"))))
            .OrderByDescending(r => r.CreatedAt)
            .Take(500)
            .ToListAsync();

        return candidates
            .Where(r => (email is not null && string.Equals(r.Email, request.Email, StringComparison.OrdinalIgnoreCase))
                || (digits.Length >= 7 && Digits(r.Phone) is { Length: >= 7 } other && (other.EndsWith(digits[^Math.Min(10, digits.Length)..], StringComparison.Ordinal) || digits.EndsWith(other[^Math.Min(10, other.Length)..], StringComparison.Ordinal)))
                || SimilarName(nameTokens, NameTokens(r.FullName)))
            .Take(10)
            .Select(r => new LeadRow(r.Reference, r.FullName, r.Status, false, null, null, r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict))
            .ToList();
    }

    // "María José Hernández" and "Maria Hernandez" share a first and a last name once accents are ignored.
    private static bool SimilarName(string[] a, string[] b) =>
        a.Length > 0 && b.Length > 0 && a[0] == b[0] && a[^1] == b[^1];

    private static string[] NameTokens(string name) =>
        Slug.FromTitle(name).Split('-', StringSplitOptions.RemoveEmptyEntries);

    private static string Digits(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());

    private async Task<int?> IdOfAsync(string reference) =>
        await db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => (int?)r.Id).SingleOrDefaultAsync();

    private async Task AddTimelineAsync(int requestId, LeadNoteKind kind, string text, ClaimsPrincipal actor)
    {
        var user = await users.GetUserAsync(actor);
        db.LeadNotes.Add(new LeadNote
        {
            ConsultationRequestId = requestId,
            At = clock.GetUtcNow().UtcDateTime,
            AuthorId = user?.Id,
            AuthorName = StaffUser.ShownNameOf(user, actor),
            Kind = kind,
            Text = text,
        });
        await db.SaveChangesAsync();
    }

    private static string? DescribeUrgency(Urgency urgency, DateOnly? courtDate) => urgency switch
    {
        Urgency.Detained => "Detained",
        Urgency.CourtDate => courtDate is { } date ? $"Court {date:MMM d}" : "Court date",
        _ => null,
    };

    internal static Expression<Func<ConsultationRequest, bool>> IsClosedBefore(DateTime cutoff) =>
        r => (r.Status == LeadStatus.NotRetained || r.Status == LeadStatus.Spam) && r.StatusChangedAt < cutoff;

    /// <summary>
    /// Open (see <see cref="LeadWorkflow.IsOpen"/>) with nothing done since <paramref name="cutoff"/>: no status
    /// change, no timeline entry (note, assignment, follow-up date), and no follow-up date on or after
    /// <paramref name="followUpBefore"/>. Viewing a request is not activity.
    /// </summary>
    internal Expression<Func<ConsultationRequest, bool>> InactiveSince(DateTime cutoff, DateOnly followUpBefore) =>
        r => (r.Status == LeadStatus.New || r.Status == LeadStatus.Contacted || r.Status == LeadStatus.ConsultationScheduled)
            && r.StatusChangedAt < cutoff
            && (r.FollowUpOn == null || r.FollowUpOn < followUpBefore)
            && !db.LeadNotes.Any(n => n.ConsultationRequestId == r.Id && n.At >= cutoff);
}
