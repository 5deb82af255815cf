using PiriSite.Domain.Messaging;
using PiriSite.Web.Services.Mail;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Services.Consultations;

/// <summary>
/// Takes consultation requests: validates them, quarantines suspected spam, and stores each request together
/// with its notification emails in one transaction, exactly once per form, before anyone is told it arrived.
/// </summary>
public sealed partial class ConsultationService(
    SiteDbContext db,
    DatabaseWriteGate writeGate,
    PublishedContent published,
    FirmProfileService firmProfile,
    ConsultationEmails emails,
    ConsultationFormTokens formTokens,
    ConsultationNotices notices,
    OutboxSignal outbox,
    TimeProvider clock,
    IOptions<ConsultationOptions> options,
    IOptions<SiteOptions> siteOptions,
    ILogger<ConsultationService> logger)
{
    private const int MaxReferenceAttempts = 5;

    /// <summary>The practice areas a request may name (the public English pages), in the site's order.</summary>
    private async Task<IReadOnlyList<PublishedPage>> ListSourcePracticeAreasAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. (await published.GetAsync(cancellationToken)).In(SiteLanguage.English).PracticeAreas.Where(a => a.IsPublicAt(now))];
    }

    /// <summary>
    /// The choices of the form's practice-area list: every area a request may name, under its published name in
    /// <paramref name="language"/> (its English name while it has no published translation there).
    /// </summary>
    public async Task<IReadOnlyList<PracticeAreaChoice>> ListPracticeAreasAsync(SiteLanguage language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        var translations = (await published.GetAsync(cancellationToken)).In(language).PracticeAreasByKey;
        var now = clock.GetUtcNow().UtcDateTime;
        return (await ListSourcePracticeAreasAsync(cancellationToken))
            .Select(area => new PracticeAreaChoice(area.TranslationKey,
                translations.GetValueOrDefault(area.TranslationKey) is { } translation && translation.IsPublicAt(now) ? translation.Title : area.Title))
            .ToList();
    }

    /// <summary>
    /// The values that belong to one visitor's form: an idempotency key and a sealed "shown at" time. Both are
    /// kept when the form already carries readable ones, so a form shown again (after a validation error, or a
    /// post without a valid antiforgery token) counts its fill time from when it was first shown; a form that had
    /// none (a new form, or a cached page's form sent without JavaScript) starts its clock now. Never backdated:
    /// otherwise a bot would post once without a token to get a time old enough to pass.
    /// </summary>
    public FormIdentity IdentityFor(string? idempotencyKey = null, string? shownAt = null) => new(
        (ReadKey(idempotencyKey) ?? Guid.NewGuid()).ToString(),
        formTokens.ReadShownAt(shownAt) is null ? formTokens.IssueShownAtToken() : shownAt!);

    public async Task<SubmissionResult> SubmitAsync(ConsultationSubmission submission, SubmissionEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(envelope);

        var areas = await ListSourcePracticeAreasAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var validation = ConsultationValidator.Validate(submission, areas.Select(a => a.TranslationKey).ToList(), FirmTimeZone.DayOf(now));
        var (notice, noticeError) = await notices.AcceptedAsync(envelope.NoticeVersion, envelope.Language, cancellationToken);
        if (validation.Details is not { } details || notice is null)
        {
            return new SubmissionResult(null, WithNoticeError(validation.Errors, noticeError));
        }

        // A form without a readable key (hand-made or tampered) still gets its request stored, under a fresh key.
        var idempotencyKey = ReadKey(envelope.IdempotencyKey) ?? Guid.NewGuid();
        if (await FindReferenceAsync(idempotencyKey, cancellationToken) is { } existing)
        {
            return new SubmissionResult(existing, validation.Errors);
        }

        var verdict = JudgeSpam(envelope, details, now);
        var firm = await firmProfile.GetAsync(cancellationToken);
        var areaName = areas.FirstOrDefault(a => a.TranslationKey == details.PracticeAreaKey)?.Title;

        for (var attempt = 1; ; attempt++)
        {
            var request = ConsultationRequest.Create(details, ConsultationReference.Generate(), idempotencyKey, now,
                SourcePath(envelope.SourcePage, envelope.Language), envelope.Language.Code, verdict, notice);
            db.ConsultationRequests.Add(request);

            // Suspected spam is kept for review. A robot's request (honeypot, too fast) sends no email: robots come in
            // floods and a person does neither. A content signal is a judgement about words, and words can be misjudged
            // (a detained relative and a link nobody foresaw), so the firm still gets its intake notice, marked as
            // suspected spam with the reason in its subject: a genuine request wrongly quarantined is seen within
            // minutes, not at the next look at the quarantine. The notice carries no personal data either way, so an
            // advertiser's text and links never reach the firm's mailbox.
            if (verdict == SpamVerdict.NotSpam || SpamSignals.IsContentSignal(verdict))
            {
                db.OutboxMessages.Add(emails.ForIntake(request, areaName, AdminLink(request.Reference), now));
            }

            try
            {
                // One SaveChanges, one transaction: the request and its emails are stored together or not at all.
                using (await writeGate.EnterAsync(cancellationToken))
                {
                    // No suspected spam is acknowledged by email (the confirmation page is the same): the address is
                    // whatever an advertiser typed, and staff who restore a misjudged request answer the person themselves.
                    if (verdict == SpamVerdict.NotSpam && emails.ForRequester(request, firm, now) is { } acknowledgement)
                    {
                        // Counted and stored in one transaction under the mailbox's lock (see MailboxLock), so two
                        // requests at once cannot both take an address's last acknowledgement of the day.
                        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                        if (await MayAcknowledgeAsync(acknowledgement.To, now, cancellationToken))
                        {
                            db.OutboxMessages.Add(acknowledgement);
                        }

                        await db.SaveChangesAsync(cancellationToken);
                        await transaction.CommitAsync(cancellationToken);
                    }
                    else
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }
                }

                LogAccepted(logger, request.Id, request.Urgency, verdict);
                outbox.Notify();
                return new SubmissionResult(request.Reference, validation.Errors);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();

                // The same form was posted twice at once, and the other post won: answer with its reference.
                if (await FindReferenceAsync(idempotencyKey, cancellationToken) is { } winner)
                {
                    return new SubmissionResult(winner, validation.Errors);
                }

                // Otherwise two random references collided (about one in 800 million): draw another.
                if (attempt >= MaxReferenceAttempts)
                {
                    throw;
                }
            }
        }
    }

    // The robots first (a hidden field filled, a form sent faster than a person can), then what the words say.
    private SpamVerdict JudgeSpam(SubmissionEnvelope envelope, ConsultationDetails details, DateTime now)
    {
        if (!string.IsNullOrEmpty(envelope.Honeypot))
        {
            return SpamVerdict.Honeypot;
        }

        var shownAt = formTokens.ReadShownAt(envelope.ShownAt);
        var minimum = TimeSpan.FromSeconds(options.Value.MinimumFillSeconds);
        return shownAt is null || now - shownAt.Value < minimum
            ? SpamVerdict.TooFast
            : SpamSignals.Judge(details.FullName, details.Description);
    }

    /// <summary>
    /// Whether <paramref name="address"/> may get one more acknowledgement: anyone can type anyone's address, so the
    /// form must not become a way to flood a stranger with the firm's emails. Past the cap the request is stored
    /// and the firm told as usual; only the acknowledgement is left out, and the visitor is not told (the
    /// confirmation page is the same), which would otherwise confirm what the form can be used for.
    /// </summary>
    private async Task<bool> MayAcknowledgeAsync(string address, DateTime now, CancellationToken cancellationToken)
    {
        var cap = options.Value.MaxAcknowledgementsPerAddressPerDay;
        if (cap <= 0)
        {
            return false;
        }

        // Addresses are compared as mailboxes (case, IDNA, +tags, Gmail's dots), stored so on each acknowledgement.
        var mailbox = RecipientKey.For(address);
        await MailboxLock.TakeAsync(db, mailbox, cancellationToken);
        var since = now.AddDays(-1);
        var sent = await db.OutboxMessages.CountAsync(m => m.Mailbox == mailbox && m.CreatedAt > since, cancellationToken);
        return sent < cap;
    }

    private Task<string?> FindReferenceAsync(Guid idempotencyKey, CancellationToken cancellationToken) =>
        db.ConsultationRequests.AsNoTracking()
            .Where(r => r.IdempotencyKey == idempotencyKey)
            .Select(r => r.Reference)
            .SingleOrDefaultAsync(cancellationToken);

    // Only the configured public address, never the request's Host: staff must not get a link to someone else's site.
    private string AdminLink(string reference) => $"{siteOptions.Value.PublicOrigin}/admin/leads/{reference}";

    // A notice that cannot be accepted is said at its box; a language without any notice, above the whole form.
    private static IReadOnlyDictionary<string, ConsultationError> WithNoticeError(
        IReadOnlyDictionary<string, ConsultationError> errors, ConsultationError? noticeError) =>
        noticeError is null
            ? errors
            : new Dictionary<string, ConsultationError>(errors, StringComparer.Ordinal)
            {
                [noticeError.Code == ConsultationErrorCode.NoticeUnavailable ? "" : nameof(ConsultationSubmission.Acknowledged)] = noticeError,
            };

    private static Guid? ReadKey(string? key) => Guid.TryParse(key, out var parsed) && parsed != Guid.Empty ? parsed : null;

    // Only a local path is kept: a posted "Source" is not trusted to be anything else.
    private static string SourcePath(string? source, SiteLanguage language) =>
        source is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
            && path.All(c => c > ' ' && c < 127)
            ? path
            : SitePaths.Section(language, SiteSection.Consultation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation request {RequestId} stored (urgency {Urgency}, spam verdict {SpamVerdict})")]
    private static partial void LogAccepted(ILogger logger, int requestId, Urgency urgency, SpamVerdict spamVerdict);
}
