namespace PiriSite.Web.Services.Advertising;

/// <summary>Wakes the advertising archive's capture worker when a publication has been queued.</summary>
public sealed class AdvertisingCaptureSignal : WakeSignal;
