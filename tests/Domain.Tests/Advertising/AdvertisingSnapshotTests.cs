using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Advertising;

/// <summary>A snapshot's filing record: what needs filing, the ten-day window in the firm's days, and what a filing needs.</summary>
public class AdvertisingSnapshotTests
{
    private static readonly TimeZoneInfo s_dallas = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static readonly DateTime s_now = new(2026, 12, 5, 18, 0, 0, DateTimeKind.Utc);

    private static AdvertisingSnapshot Queued(DateTime? publishedAt = null) =>
        AdvertisingSnapshot.Queue(AdvertisedPageKind.Article, "what-is-287g", "es", publishedAt ?? new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc),
            "user-1", "Attorney Piri", "Article published");

    private static AdvertisingSnapshot Captured(DateTime? publishedAt = null, string? previousHash = null)
    {
        var snapshot = Queued(publishedAt);
        snapshot.Capture(s_now, "/es/articulos/que-es-287g", "¿Qué es 287(g)?", [1, 2, 3], "Texto", "hash-b", previousHash);
        return snapshot;
    }

    [Fact]
    public void AQueuedSnapshotWaitsForItsCaptureAndHasNothingToFile()
    {
        var snapshot = Queued();

        Assert.False(snapshot.IsCaptured);
        Assert.Equal(AdvertisingFilingState.Pending, snapshot.FilingState);
        Assert.Equal("Article:what-is-287g", snapshot.PageKey);
        Assert.Null(snapshot.FilingDaysLeft(new DateOnly(2026, 12, 1), s_dallas));
    }

    [Fact]
    public void ACapturedChangeNeedsFilingAndTheSameTextAgainIsUnchanged()
    {
        Assert.Equal(AdvertisingFilingState.NeedsFiling, Captured(previousHash: null).FilingState);
        Assert.Equal(AdvertisingFilingState.NeedsFiling, Captured(previousHash: "hash-a").FilingState);
        Assert.Equal(AdvertisingFilingState.Unchanged, Captured(previousHash: "hash-b").FilingState);
    }

    [Fact]
    public void ACapturedSnapshotIsNeverCapturedAgain()
    {
        var snapshot = Captured();

        Assert.Throws<InvalidOperationException>(() => snapshot.Capture(s_now, "/other", "Other", [9], "Other", "hash-c", null));
        Assert.Equal("Texto", snapshot.Text);
    }

    [Theory]
    // 23:30 in Dallas on Nov 30 (CST is UTC-6): the window counts from Nov 30, whatever day it is in UTC.
    [InlineData("2026-12-01T05:30:00Z", "2026-12-10")]
    // Midnight in Dallas: Dec 1 is the first day.
    [InlineData("2026-12-01T06:00:00Z", "2026-12-11")]
    // Summer time (CDT is UTC-5): 23:59 on Jul 3 in Dallas.
    [InlineData("2026-07-04T04:59:00Z", "2026-07-13")]
    public void TheTenDayWindowCountsFromTheFirmsDayOfPublication(string publishedAt, string dueOn)
    {
        var snapshot = Queued(DateTime.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture), snapshot.FilingDueOn(s_dallas));
    }

    [Fact]
    public void TheDaysLeftAreTenOnTheDayOfPublicationZeroOnTheLastDayAndNegativeOnceLate()
    {
        var snapshot = Captured(new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc));

        Assert.Equal(10, snapshot.FilingDaysLeft(new DateOnly(2026, 12, 1), s_dallas));
        Assert.Equal(1, snapshot.FilingDaysLeft(new DateOnly(2026, 12, 10), s_dallas));
        Assert.Equal(0, snapshot.FilingDaysLeft(new DateOnly(2026, 12, 11), s_dallas));
        Assert.Equal(-3, snapshot.FilingDaysLeft(new DateOnly(2026, 12, 14), s_dallas));
        Assert.Equal("due today", AdvertisingLabels.DaysLeft(0));
        Assert.Equal("1 day left", AdvertisingLabels.DaysLeft(1));
        Assert.Equal("3 days late", AdvertisingLabels.DaysLeft(-3));
        Assert.True(AdvertisingLabels.IsUrgent(2));
        Assert.False(AdvertisingLabels.IsUrgent(3));
    }

    [Fact]
    public void AFilingNeedsAReferenceAndAPlausibleDateAndChangesNothingWhenRefused()
    {
        var snapshot = Captured();
        var today = new DateOnly(2026, 12, 5);

        Assert.Equal(["Enter the filing reference the State Bar gave you."], Messages(snapshot.MarkFiled(today, "  ", today, s_now, "Attorney Piri")));
        Assert.Equal(["Shorten the filing reference to 100 characters or fewer."], Messages(snapshot.MarkFiled(today, new string('x', 101), today, s_now, "Attorney Piri")));
        Assert.Equal(["The filing date cannot be in the future."], Messages(snapshot.MarkFiled(today.AddDays(1), "ARC-1", today, s_now, "Attorney Piri")));
        Assert.Equal(["The filing date is before the page was published."], Messages(snapshot.MarkFiled(new DateOnly(2026, 11, 20), "ARC-1", today, s_now, "Attorney Piri")));
        Assert.Equal(AdvertisingFilingState.NeedsFiling, snapshot.FilingState);
        Assert.Null(snapshot.FilingRecordedAt);

        Assert.Empty(snapshot.MarkFiled(new DateOnly(2026, 12, 3), "  ARC-2026-123 ", today, s_now, "Attorney Piri"));
        Assert.Equal(AdvertisingFilingState.Filed, snapshot.FilingState);
        Assert.Equal(new DateOnly(2026, 12, 3), snapshot.FiledOn);
        Assert.Equal("ARC-2026-123", snapshot.FilingReference);
        Assert.Equal("Attorney Piri", snapshot.FilingRecordedByName);
        Assert.Null(snapshot.FilingDaysLeft(today, s_dallas));
    }

    [Fact]
    public void NothingIsFiledOrExemptedBeforeThePageIsCaptured()
    {
        var snapshot = Queued();
        var today = new DateOnly(2026, 12, 5);

        Assert.Contains("This page is not archived yet: it can be filed once it is public.", Messages(snapshot.MarkFiled(today, "ARC-1", today, s_now, "Attorney Piri")));
        Assert.Equal(["This page is not archived yet: it can be marked once it is public."], Messages(snapshot.MarkExempt("A reason", s_now, "Attorney Piri")));
        Assert.False(snapshot.MarkNeedsFiling(s_now, "Attorney Piri"));
        Assert.Equal(AdvertisingFilingState.Pending, snapshot.FilingState);
    }

    [Fact]
    public void AnExemptionNeedsItsReasonAndReplacesAFiling()
    {
        var snapshot = Captured();
        var today = new DateOnly(2026, 12, 5);
        snapshot.MarkFiled(today, "ARC-1", today, s_now, "Attorney Piri");

        Assert.Equal(["Say why this change needs no filing (for example, the exemption that applies)."], Messages(snapshot.MarkExempt(" ", s_now, "Attorney Piri")));
        Assert.Equal(["Shorten the reason to 500 characters or fewer."], Messages(snapshot.MarkExempt(new string('x', 501), s_now, "Attorney Piri")));
        Assert.Equal(AdvertisingFilingState.Filed, snapshot.FilingState);

        Assert.Empty(snapshot.MarkExempt(" Typing error corrected only. ", s_now, "Attorney Piri"));
        Assert.Equal(AdvertisingFilingState.Exempt, snapshot.FilingState);
        Assert.Equal("Typing error corrected only.", snapshot.ExemptReason);
        Assert.Null(snapshot.FiledOn);
        Assert.Null(snapshot.FilingReference);
    }

    [Fact]
    public void AFilingOrExemptionRecordedByMistakeIsUndoneAndOnlyThose()
    {
        var snapshot = Captured();
        Assert.False(snapshot.MarkNeedsFiling(s_now, "Attorney Piri"));

        snapshot.MarkExempt("Reason", s_now, "Attorney Piri");
        Assert.True(snapshot.MarkNeedsFiling(s_now.AddHours(1), "Attorney Piri"));

        Assert.Equal(AdvertisingFilingState.NeedsFiling, snapshot.FilingState);
        Assert.Null(snapshot.ExemptReason);
        Assert.Equal(s_now.AddHours(1), snapshot.FilingRecordedAt);
        Assert.False(Captured(previousHash: "hash-b").MarkNeedsFiling(s_now, "Attorney Piri"));
    }

    private static IEnumerable<string> Messages(IEnumerable<FieldError> errors) => errors.Select(e => e.Message);

    [Fact]
    public void EachRefusalIsKeyedByTheFieldToFix()
    {
        var snapshot = Captured();
        var today = new DateOnly(2026, 12, 1);

        Assert.Equal(["FilingReference", "FiledOn"], snapshot.MarkFiled(today.AddDays(1), " ", today, s_now, "Attorney Piri").Select(e => e.Field));
        Assert.Equal(["ExemptReason"], snapshot.MarkExempt(" ", s_now, "Attorney Piri").Select(e => e.Field));
    }
}
