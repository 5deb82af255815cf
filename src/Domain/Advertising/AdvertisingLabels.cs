namespace PiriSite.Domain.Advertising;

/// <summary>The advertising archive's words for staff: pages and filing states as people say them, never enum names.</summary>
public static class AdvertisingLabels
{
    /// <summary>"Home page", "Article: what-is-287g" (an article or practice area is named by its key until captured).</summary>
    public static string Page(AdvertisedPageKind kind, string? translationKey)
    {
        var name = kind switch
        {
            AdvertisedPageKind.Home => "Home page",
            AdvertisedPageKind.About => "About page",
            AdvertisedPageKind.Privacy => "Privacy page",
            AdvertisedPageKind.Disclaimer => "Disclaimer page",
            AdvertisedPageKind.PracticeAreaIndex => "Practice areas list",
            AdvertisedPageKind.PracticeArea => "Practice area",
            AdvertisedPageKind.ArticleIndex => "Articles list",
            AdvertisedPageKind.Article => "Article",
            AdvertisedPageKind.Consultation => "Consultation page",
            _ => "Page",
        };
        return translationKey is null ? name : $"{name}: {translationKey}";
    }

    /// <summary>The page named by its <see cref="AdvertisingSnapshot.PageKey"/> ("Article:what-is-287g").</summary>
    public static string Page(string pageKey)
    {
        ArgumentNullException.ThrowIfNull(pageKey);
        var colon = pageKey.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? pageKey : pageKey[..colon];
        return Enum.TryParse<AdvertisedPageKind>(kind, out var parsed) && Enum.IsDefined(parsed)
            ? Page(parsed, colon < 0 ? null : pageKey[(colon + 1)..])
            : pageKey;
    }

    /// <summary>The filing state in a word or two, for filters and badges.</summary>
    public static string State(AdvertisingFilingState state) => state switch
    {
        AdvertisingFilingState.Pending => "Waiting to be captured",
        AdvertisingFilingState.NeedsFiling => "Needs filing",
        AdvertisingFilingState.Filed => "Filed",
        AdvertisingFilingState.Exempt => "Exempt",
        AdvertisingFilingState.Unchanged => "No change",
        _ => "Unknown",
    };

    /// <summary>The days left of the ten-day window: "3 days left", "1 day left", "due today", "2 days late".</summary>
    public static string DaysLeft(int days) => days switch
    {
        0 => "due today",
        1 => "1 day left",
        > 1 => $"{days} days left",
        -1 => "1 day late",
        _ => $"{-days} days late",
    };

    /// <summary>Late, or at most two days left: shown as urgent.</summary>
    public static bool IsUrgent(int daysLeft) => daysLeft <= 2;
}
