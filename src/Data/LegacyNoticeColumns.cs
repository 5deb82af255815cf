namespace PiriSite.Data;

/// <summary>
/// The consultation requests' columns from before notices were versioned (see ConsultationRequestConfiguration):
/// read only by the initialiser's backfill.
/// </summary>
internal static class LegacyNoticeColumns
{
    public const string Version = "AcknowledgedNoticeVersion";
    public const string Culture = "AcknowledgedNoticeCulture";
    public const string Text = "AcknowledgedNoticeText";
}
