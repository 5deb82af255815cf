using System.Globalization;
using PiriSite.Domain.Audit;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>
/// The audit log's filters, from the query string so that a view can be bookmarked: a staff account's id, an action's
/// name, firm days, and whether "viewed" lines are included. None of them is a person's data.
/// </summary>
public sealed class AuditFilter
{
    /// <summary>A staff account's id, or <see cref="AuditQuery.NoAccount"/>.</summary>
    public string? Who { get; set; }

    /// <summary>An action's name, as the log writes it ("Signed in").</summary>
    public string? What { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Include the lines that only say someone opened a request (hidden by default: they would drown the rest).</summary>
    public bool Viewed { get; set; }

    public int Page { get; set; } = 1;

    public bool IsActive => !string.IsNullOrEmpty(Who) || !string.IsNullOrEmpty(What) || From is not null || To is not null || Viewed;

    /// <summary>Drops what no log line can match (too long to be an id or an action) and puts dates the wrong way round in order.</summary>
    public void Normalize()
    {
        Who = Who is { Length: > 0 and <= 450 } ? Who : null;
        What = What is { Length: > 0 and <= AuditEntry.ActionMaxLength } ? What : null;
        if (From is { } from && To is { } to && to < from)
        {
            (From, To) = (to, from);
        }

        Page = Math.Clamp(Page, 1, AuditQueryService.MaxPage);
    }

    public AuditQuery ToQuery() => new(Who, What, From, To, Viewed, Page);

    /// <summary>The query string for these filters, optionally on another page ("" when there is nothing to say).</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("who", Who);
        Add("what", What);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("viewed", Viewed ? "true" : null);
        var number = page ?? Page;
        Add("page", number > 1 ? number.ToString(CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>The audit log screen: the filters as asked, what they offer, and one page of lines.</summary>
public sealed record AuditIndexViewModel(AuditFilter Filter, AuditChoices Choices, IReadOnlyList<AuditRowViewModel> Entries, int Page, bool HasNextPage)
{
    /// <summary>What the filters select, in words, for the disclosure's summary line ("Everyone · every action · any day").</summary>
    public string FilterSummary
    {
        get
        {
            var who = Filter.Who is { } id ? Choices.People.FirstOrDefault(p => p.Id == id)?.Name ?? "an account not in the log" : "Everyone";
            var what = Filter.What ?? "every action";
            var when = (Filter.From, Filter.To) switch
            {
                ({ } from, { } to) when from == to => Day(from),
                ({ } from, { } to) => $"{Day(from)} to {Day(to)}",
                ({ } from, null) => $"from {Day(from)}",
                (null, { } to) => $"up to {Day(to)}",
                _ => "any day",
            };
            var viewed = Filter.Viewed || Filter.What is not null ? "" : " · “viewed” hidden";
            return $"{who} · {what} · {when}{viewed}";
        }
    }

    private static string Day(DateOnly day) => day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
}

/// <summary>One line of the audit log as the screen shows it, its time in the firm's time zone.</summary>
public sealed record AuditRowViewModel(DateTime At, string Who, string Action, string? Target, string? SubjectLink, string? Details, string? IpAddress)
{
    /// <summary>"Nov 3, 2026 9:14 PM", the firm's time, like every other staff screen.</summary>
    public string FirmTime => FirmTimeZone.ToFirmTime(At).ToString("MMM d, yyyy h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>The instant in UTC, for the time element's datetime attribute.</summary>
    public string UtcIso => DateTime.SpecifyKind(At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static AuditRowViewModel From(AuditLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var entry = line.Entry;
        return new(entry.At, line.Who, entry.Action, entry.Target, line.SubjectLink, HumanDetails(entry), entry.IpAddress);
    }

    /// <summary>A status change was written with the statuses' code names ("New → ConsultationScheduled"); staff read their labels.</summary>
    private static string? HumanDetails(AuditEntry entry)
    {
        if (entry.Details is not { } details || !details.Contains(" → ", StringComparison.Ordinal))
        {
            return entry.Details;
        }

        var parts = details.Split(" → ");
        return parts.Length == 2 && Enum.TryParse<LeadStatus>(parts[0], out var before) && Enum.IsDefined(before)
            && Enum.TryParse<LeadStatus>(parts[1], out var after) && Enum.IsDefined(after)
            ? $"{LeadWorkflow.Label(before)} → {LeadWorkflow.Label(after)}"
            : details;
    }
}
