namespace PiriSite.Web.Services.Caching;

/// <summary>Wakes the <see cref="ScheduledPublicationWatcher"/> when content is saved, since a save may schedule a page.</summary>
public sealed class PublicationSignal : WakeSignal;
