using System.Linq.Expressions;

namespace PiriSite.Domain.Consultations;

/// <summary>
/// The rules about requests that are both checked in memory and run as database queries, each written once as an
/// expression: the query uses the expression, the in-memory check is compiled from it, so the two cannot drift.
/// </summary>
public static class LeadRules
{
    /// <summary>A court date this many days away or sooner makes a request urgent.</summary>
    public const int UrgentCourtDateDays = 14;

    // (urgency, court date, last court day that counts) → urgent: someone detained, or a court date by that day.
    private static readonly Expression<Func<Urgency, DateOnly?, DateOnly, bool>> s_urgent =
        (urgency, courtDate, lastUrgentDay) => urgency == Urgency.Detained || (urgency == Urgency.CourtDate && courtDate <= lastUrgentDay);

    // Closed: the retention period runs from the last status change.
    private static readonly Expression<Func<LeadStatus, bool>> s_closed =
        status => status == LeadStatus.NotRetained || status == LeadStatus.Spam;

    // Open: still being followed up (Retained requests are client files, neither open nor closed).
    private static readonly Expression<Func<LeadStatus, bool>> s_open =
        status => status == LeadStatus.New || status == LeadStatus.Contacted || status == LeadStatus.ConsultationScheduled;

    private static readonly Func<Urgency, DateOnly?, DateOnly, bool> s_isUrgent = s_urgent.Compile();
    private static readonly Func<LeadStatus, bool> s_isClosed = s_closed.Compile();
    private static readonly Func<LeadStatus, bool> s_isOpen = s_open.Compile();

    // The in-memory forms, for LeadWorkflow.
    internal static bool IsUrgent(Urgency urgency, DateOnly? courtDate, DateOnly today) =>
        s_isUrgent(urgency, courtDate, today.AddDays(UrgentCourtDateDays));

    internal static bool IsClosed(LeadStatus status) => s_isClosed(status);

    internal static bool IsOpen(LeadStatus status) => s_isOpen(status);

    /// <summary>Urgent on <paramref name="today"/> (the firm's calendar day).</summary>
    public static Expression<Func<ConsultationRequest, bool>> UrgentOn(DateOnly today)
    {
        var lastUrgentDay = today.AddDays(UrgentCourtDateDays);

        // The day as a captured variable (not a constant), so that EF sends it as a query parameter.
        return Inline(s_urgent, r => r.Urgency, r => r.CourtDate, _ => lastUrgentDay);
    }

    /// <summary>Not urgent on <paramref name="today"/>.</summary>
    public static Expression<Func<ConsultationRequest, bool>> NotUrgentOn(DateOnly today) => Not(UrgentOn(today));

    /// <summary>Open (New, Contacted, Consultation scheduled): someone at the firm still has to act on it.</summary>
    public static Expression<Func<ConsultationRequest, bool>> Open() => Inline(s_open, r => r.Status);

    /// <summary>Open, and someone is detained: the first requests of the inbox.</summary>
    public static Expression<Func<ConsultationRequest, bool>> OpenDetained() =>
        And(Open(), r => r.Urgency == Urgency.Detained);

    /// <summary>
    /// Open, with a court date by the last urgent day after <paramref name="today"/>: the inbox's next requests,
    /// nearest date first (a date already past, perhaps a missed hearing, is nearer still). With
    /// <see cref="OpenDetained"/> it makes <see cref="OpenAndUrgentOn"/>, without overlap.
    /// </summary>
    public static Expression<Func<ConsultationRequest, bool>> OpenWithCourtDateOn(DateOnly today)
    {
        var lastUrgentDay = today.AddDays(UrgentCourtDateDays);
        return And(Open(), r => r.Urgency == Urgency.CourtDate && r.CourtDate <= lastUrgentDay);
    }

    /// <summary>
    /// Open and urgent on <paramref name="today"/>: what the inbox lifts to the top, "urgent only" lists and the
    /// dashboard counts. A closed or retained request keeps its urgency but is not lifted: nobody has to rush.
    /// </summary>
    public static Expression<Func<ConsultationRequest, bool>> OpenAndUrgentOn(DateOnly today) => And(Open(), UrgentOn(today));

    /// <summary>Everything but <see cref="OpenAndUrgentOn"/>: the rest of the inbox, newest first.</summary>
    public static Expression<Func<ConsultationRequest, bool>> NotOpenAndUrgentOn(DateOnly today) => Not(OpenAndUrgentOn(today));

    /// <summary>
    /// New and either received before <paramref name="receivedBefore"/> (nobody answered in time) or urgent on
    /// <paramref name="today"/>: someone detained, or with a court date soon, cannot wait a day for an answer.
    /// </summary>
    public static Expression<Func<ConsultationRequest, bool>> NeedsResponse(DateTime receivedBefore, DateOnly today)
    {
        Expression<Func<ConsultationRequest, bool>> isNew = r => r.Status == LeadStatus.New;
        Expression<Func<ConsultationRequest, bool>> waited = r => r.CreatedAt < receivedBefore;
        return And(isNew, Or(waited, UrgentOn(today)));
    }

    /// <summary>
    /// Open with a follow-up date on or before <paramref name="today"/> (the firm's calendar day): due today, or
    /// overdue when the date is earlier.
    /// </summary>
    public static Expression<Func<ConsultationRequest, bool>> FollowUpDueBy(DateOnly today)
    {
        var open = Inline(s_open, r => r.Status);
        Expression<Func<ConsultationRequest, bool>> due = r => r.FollowUpOn != null && r.FollowUpOn <= today;
        return And(open, due);
    }

    /// <summary>Closed (Not retained or Spam) before <paramref name="cutoff"/>: what the retention period deletes.</summary>
    public static Expression<Func<ConsultationRequest, bool>> ClosedBefore(DateTime cutoff)
    {
        var closed = Inline(s_closed, r => r.Status);
        Expression<Func<ConsultationRequest, bool>> changedBefore = r => r.StatusChangedAt < cutoff;
        return And(closed, changedBefore);
    }

    /// <summary>
    /// Open with nothing done since <paramref name="cutoff"/>: no status change, no timeline entry in
    /// <paramref name="notes"/> (note, assignment, follow-up date), and no follow-up date on or after
    /// <paramref name="followUpBefore"/>. Viewing a request is not activity.
    /// </summary>
    public static Expression<Func<ConsultationRequest, bool>> InactiveSince(IQueryable<LeadNote> notes, DateTime cutoff, DateOnly followUpBefore)
    {
        var open = Inline(s_open, r => r.Status);
        Expression<Func<ConsultationRequest, bool>> idle = r => r.StatusChangedAt < cutoff
            && (r.FollowUpOn == null || r.FollowUpOn < followUpBefore)
            && !notes.Any(n => n.ConsultationRequestId == r.Id && n.At >= cutoff);
        return And(open, idle);
    }

    // rule(arg1(r), arg2(r), ...) as one lambda over r.
    private static Expression<Func<ConsultationRequest, bool>> Inline(LambdaExpression rule, params Expression<Func<ConsultationRequest, object?>>[] arguments)
    {
        var r = Expression.Parameter(typeof(ConsultationRequest), "r");
        var replacements = rule.Parameters.Select((parameter, i) =>
        {
            // The object? of the argument lambdas only lets them be listed together: drop its boxing.
            var body = arguments[i].Body is UnaryExpression { NodeType: ExpressionType.Convert } boxed ? boxed.Operand : arguments[i].Body;
            return (From: (Expression)parameter, To: new Replace(arguments[i].Parameters[0], r).In(body));
        }).ToDictionary(p => p.From, p => p.To);
        return Expression.Lambda<Func<ConsultationRequest, bool>>(new Replace(replacements).In(rule.Body), r);
    }

    private static Expression<Func<ConsultationRequest, bool>> And(
        Expression<Func<ConsultationRequest, bool>> left, Expression<Func<ConsultationRequest, bool>> right)
    {
        var r = left.Parameters[0];
        return Expression.Lambda<Func<ConsultationRequest, bool>>(
            Expression.AndAlso(left.Body, new Replace(right.Parameters[0], r).In(right.Body)), r);
    }

    private static Expression<Func<ConsultationRequest, bool>> Or(
        Expression<Func<ConsultationRequest, bool>> left, Expression<Func<ConsultationRequest, bool>> right)
    {
        var r = left.Parameters[0];
        return Expression.Lambda<Func<ConsultationRequest, bool>>(
            Expression.OrElse(left.Body, new Replace(right.Parameters[0], r).In(right.Body)), r);
    }

    private static Expression<Func<ConsultationRequest, bool>> Not(Expression<Func<ConsultationRequest, bool>> rule) =>
        Expression.Lambda<Func<ConsultationRequest, bool>>(Expression.Not(rule.Body), rule.Parameters);

    private sealed class Replace(IReadOnlyDictionary<Expression, Expression> replacements) : ExpressionVisitor
    {
        public Replace(Expression from, Expression to)
            : this(new Dictionary<Expression, Expression> { [from] = to })
        {
        }

        public Expression In(Expression node) => Visit(node) ?? node;

        public override Expression? Visit(Expression? node) =>
            node is not null && replacements.TryGetValue(node, out var replacement) ? replacement : base.Visit(node);
    }
}
