using System.Globalization;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Services.Consultations;

/// <summary>
/// The consultation notice the public form shows (the current version in the page's language, from the in-memory
/// copy of the published content, reloaded when the Attorney saves a new one) and the check of the version a posted
/// form names. There is no built-in wording to fall back on: a language without a notice takes no requests.
/// </summary>
public sealed partial class ConsultationNotices(PublishedContent published, IServiceProvider services, ILogger<ConsultationNotices> logger)
{
    /// <summary>The notice in force in <paramref name="language"/>; null (logged as an error) when it has none.</summary>
    public async Task<ConsultationNoticeVersion?> CurrentAsync(SiteLanguage language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        var notice = (await published.GetAsync(cancellationToken)).In(language).Notice;
        if (notice is null)
        {
            LogNoNotice(logger, language.Code);
        }

        return notice;
    }

    /// <summary>
    /// The version a form named, if it is one of <paramref name="language"/>'s: the person read it, so an older
    /// version (the page was open while the Attorney changed the wording) is the one they accepted. Another
    /// language's version, an unknown one or none at all is refused with the error to show at the box.
    /// </summary>
    public async Task<(ConsultationNoticeVersion? Notice, ConsultationError? Error)> AcceptedAsync(
        string? postedVersion, SiteLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (await CurrentAsync(language, cancellationToken) is null)
        {
            return (null, new ConsultationError(ConsultationErrorCode.NoticeUnavailable));
        }

        // Resolved only here: the pages that show the form (every article and practice area) need no database context.
        var db = services.GetRequiredService<SiteDbContext>();
        var notice = int.TryParse(postedVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.ConsultationNoticeVersions.AsNoTracking()
                .SingleOrDefaultAsync(v => v.Id == id && v.Culture == language.Code, cancellationToken)
            : null;
        return notice is null ? (null, new ConsultationError(ConsultationErrorCode.NoticeVersionUnknown)) : (notice, null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "No consultation notice in {Culture}: the form in that language cannot be sent until the Attorney writes one")]
    private static partial void LogNoNotice(ILogger logger, string culture);
}
