namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>The leads inbox: one page of the requests a view, its filters and a search select, with the counts.</summary>
public sealed class LeadInboxService(SiteDbContext db, TimeProvider clock, IOptions<LeadsOptions> options)
{
    public async Task<LeadInboxPage> InboxAsync(LeadQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;

        var (query, searchCapped) = await LeadQueries.FilteredAsync(db, filter, now, settings, cancellationToken);
        var today = LeadQueries.FirmDay(now);
        var areas = await LeadQueries.PracticeAreasAsync(db, cancellationToken);
        var names = areas.ToDictionary(a => a.Key, a => a.Name);

        // One pass over an index gives the counts per status; with no filter beyond a status or view, they give
        // the total too. The New requests waiting too long are all the New ones but the few received since
        // (counting those that waited read nearly every New request), and the urgent ones that have not waited
        // yet and the follow-ups due are counted apart, each from an index of its own.
        var threshold = now.AddHours(-settings.NeedsResponseHours);
        var counts = await LeadQueries.CountsByStatusAsync(db, cancellationToken);
        var newWaiting = await LeadQueries.NewWaitingAsync(db, counts, threshold, cancellationToken);
        var urgentNotWaiting = await db.ConsultationRequests.Where(LeadQueries.NeedsResponse(now, settings))
            .CountAsync(r => r.CreatedAt >= threshold, cancellationToken);
        var needsResponse = newWaiting + urgentNotWaiting;
        var followUpsDue = await db.ConsultationRequests.CountAsync(LeadRules.FollowUpDueBy(today), cancellationToken);
        var total = OnlyStatusOrView(filter)
            ? filter.View switch
            {
                LeadQueries.SpamView => counts.GetValueOrDefault(LeadStatus.Spam),
                LeadQueries.NeedsResponseView => needsResponse,
                LeadQueries.FollowUpsView => followUpsDue,
                _ => filter.Status is { } status ? counts.GetValueOrDefault(status) : counts.Where(c => c.Key != LeadStatus.Spam).Sum(c => c.Value),
            }
            : await query.CountAsync(cancellationToken);

        var skip = (filter.Page - 1) * settings.PageSize;
        var rows = filter.View switch
        {
            LeadQueries.FollowUpsView => await LeadInboxOrder.FollowUpFirstPageAsync(query, skip, settings.PageSize, cancellationToken),
            // Quarantined requests are not open, so nothing in them is lifted: newest first is the same order.
            LeadQueries.SpamView => await LeadInboxOrder.NewestFirstPageAsync(query, skip, settings.PageSize, cancellationToken),
            _ when filter.NewestFirst => await LeadInboxOrder.NewestFirstPageAsync(query, skip, settings.PageSize, cancellationToken),
            _ => await LeadInboxOrder.UrgentFirstPageAsync(query, today, skip, settings.PageSize, cancellationToken),
        };
        return new LeadInboxPage(
            rows.Select(r => LeadInboxOrder.Summarize(r, today, names)).ToList(),
            total, counts, needsResponse, areas, now, settings.PageSize, searchCapped)
        {
            FollowUpsDueCount = followUpsDue,
            Today = today,
        };
    }

    /// <summary>
    /// Those of <paramref name="references"/> that are in the quarantine, as the confirmation of their deletion
    /// lists them (a request marked genuine meanwhile is not among them, and would not be deleted).
    /// </summary>
    public async Task<IReadOnlyList<QuarantinedLead>> QuarantinedAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken = default) =>
        await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Status == LeadStatus.Spam && references.Contains(r.Reference))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new QuarantinedLead(r.Reference, r.FullName, r.SpamVerdict))
            .ToListAsync(cancellationToken);

    private static bool OnlyStatusOrView(LeadQuery filter) =>
        string.IsNullOrEmpty(filter.Area) && filter.Language is null && !filter.Urgent
        && filter.From is null && filter.To is null && string.IsNullOrWhiteSpace(filter.Search);
}
