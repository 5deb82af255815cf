namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>A count with what it counts, as the dashboard's charts show it.</summary>
public sealed record LeadCount(string Label, int Count);

/// <summary>The dashboard's figures.</summary>
/// <param name="UrgentRequests">Open and urgent (someone detained, or a court date soon): the inbox's top.</param>
/// <param name="NeedsResponse">New and waiting too long, or urgent (<see cref="LeadRules.NeedsResponse"/>).</param>
/// <param name="UrgentNeedingResponse">Of those, the urgent ones (the others have waited too long).</param>
public sealed record LeadStatistics(
    int NewRequests,
    int UrgentRequests,
    int NeedsResponse,
    int UrgentNeedingResponse,
    int FollowUpsDue,
    int RequestsThisWeek,
    int SuspectedSpam,
    IReadOnlyList<LeadCount> ByPracticeArea,
    IReadOnlyList<LeadCount> ByStatus,
    double? RetainedShare30,
    double? RetainedShare90,
    IReadOnlyList<ExpiringLead> ExpiringForInactivity, // retention's warning: open requests about to be deleted for inactivity
    int PublishedArticles,
    int PracticeAreas)
{
    /// <summary>The first of the urgent requests, in the inbox's order: someone detained, then the nearest court dates.</summary>
    public IReadOnlyList<LeadSummary> Urgent { get; init; } = [];

    /// <summary>The first of the follow-ups due, the earliest date first.</summary>
    public IReadOnlyList<LeadSummary> FollowUps { get; init; } = [];

    /// <summary>The firm's calendar day: a follow-up date before it is overdue.</summary>
    public DateOnly Today { get; init; }
}

/// <summary>
/// The numbers the dashboard shows about the requests (how many wait, how many are urgent, where they come from,
/// how many the firm retains) and the open ones retention will soon delete for inactivity.
/// </summary>
public sealed class LeadStatisticsService(SiteDbContext db, TimeProvider clock, IOptions<LeadsOptions> options)
{
    /// <summary>How many urgent requests and follow-ups the dashboard lists by name (the inbox has the rest).</summary>
    public const int ListedOnDashboard = 10;

    public async Task<LeadStatistics> DashboardAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = LeadQueries.FirmDay(now);
        var weekAgo = now.AddDays(-7);
        var requests = db.ConsultationRequests.AsNoTracking();
        var genuine = requests.Where(r => r.Status != LeadStatus.Spam);
        // Counted as the inbox counts it: the New requests waiting too long (see LeadQueries.NewWaitingAsync), plus
        // the urgent ones that have not waited yet (one query with the OR reads every New request).
        var threshold = now.AddHours(-settings.NeedsResponseHours);
        var needsResponse = requests.Where(LeadQueries.NeedsResponse(now, settings));
        var urgent = requests.Where(LeadRules.OpenAndUrgentOn(today));
        var followUps = requests.Where(LeadRules.FollowUpDueBy(today));

        var areaNames = (await LeadQueries.PracticeAreasAsync(db, cancellationToken)).ToDictionary(a => a.Key, a => a.Name);
        var byArea = await genuine.GroupBy(r => r.PracticeAreaKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byStatus = await LeadQueries.CountsByStatusAsync(db, cancellationToken);
        var urgentFirst = await LeadInboxOrder.UrgentFirstPageAsync(urgent, today, 0, ListedOnDashboard, cancellationToken);
        var followUpsFirst = await LeadInboxOrder.FollowUpFirstPageAsync(followUps, 0, ListedOnDashboard, cancellationToken);

        return new LeadStatistics(
            NewRequests: byStatus.GetValueOrDefault(LeadStatus.New),
            UrgentRequests: await urgent.CountAsync(cancellationToken),
            NeedsResponse: await LeadQueries.NewWaitingAsync(db, byStatus, threshold, cancellationToken)
                + await needsResponse.CountAsync(r => r.CreatedAt >= threshold, cancellationToken),
            UrgentNeedingResponse: await requests.Where(r => r.Status == LeadStatus.New).CountAsync(LeadRules.UrgentOn(today), cancellationToken),
            FollowUpsDue: await followUps.CountAsync(cancellationToken),
            RequestsThisWeek: await genuine.CountAsync(r => r.CreatedAt >= weekAgo, cancellationToken),
            SuspectedSpam: await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.Spam, cancellationToken),
            ByPracticeArea: byArea.Select(a => new LeadCount(a.Key is null ? "Not sure" : areaNames.GetValueOrDefault(a.Key, a.Key), a.Count))
                .OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.Ordinal).ToList(),
            ByStatus: Enum.GetValues<LeadStatus>().Select(s => new LeadCount(LeadWorkflow.Label(s), byStatus.GetValueOrDefault(s))).ToList(),
            RetainedShare30: await RetainedShareAsync(now.AddDays(-30), cancellationToken),
            RetainedShare90: await RetainedShareAsync(now.AddDays(-90), cancellationToken),
            ExpiringForInactivity: await ExpiringForInactivityAsync(cancellationToken),
            // The dashboard's two content figures: too small for a service of their own.
            PublishedArticles: await db.Articles.CountAsync(a => a.Status == ContentStatus.Published && a.DeletedAt == null, cancellationToken),
            PracticeAreas: await db.PracticeAreas.CountAsync(p => p.DeletedAt == null, cancellationToken))
        {
            Urgent = urgentFirst.Select(r => LeadInboxOrder.Summarize(r, today, areaNames)).ToList(),
            FollowUps = followUpsFirst.Select(r => LeadInboxOrder.Summarize(r, today, areaNames)).ToList(),
            Today = today,
        };
    }

    /// <summary>
    /// The open requests that retention will delete for inactivity within <see cref="LeadsOptions.InactivityWarningDays"/>,
    /// soonest first, with the day each goes (a note or a status change keeps one).
    /// </summary>
    private async Task<IReadOnlyList<ExpiringLead>> ExpiringForInactivityAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var warnFrom = now.AddDays(settings.InactivityWarningDays - settings.InactiveRetentionDays);
        var rows = await db.ConsultationRequests.AsNoTracking()
            .Where(LeadRules.InactiveSince(db.LeadNotes, warnFrom, LeadQueries.FirmDay(now).AddDays(settings.InactivityWarningDays)))
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
        var day = LeadQueries.FirmDay(inactiveUntil);
        return followUpOn is { } followUp && followUp >= day ? followUp.AddDays(1) : day;
    }

    // Of the requests received since then that have reached a decision, the share the firm retained.
    private async Task<double?> RetainedShareAsync(DateTime since, CancellationToken cancellationToken)
    {
        var decided = await db.ConsultationRequests
            .Where(r => r.CreatedAt >= since && (r.Status == LeadStatus.Retained || r.Status == LeadStatus.NotRetained))
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var total = decided.Sum(d => d.Count);
        return total == 0 ? null : (double)(decided.FirstOrDefault(d => d.Key == LeadStatus.Retained)?.Count ?? 0) / total;
    }
}
