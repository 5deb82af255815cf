namespace PiriSite.Web.Options;

/// <summary>
/// Redis, for running several instances of the site behind a proxy: the page cache lives there (so evicting it
/// on a save evicts it for every instance) and a save tells every instance to drop its in-memory copy of the
/// published content. Unset (the default), the site is one instance with everything in its own memory.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>redis:6379</c> or <c>host:6379,password=...,ssl=true</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel the site uses, so several sites can share one Redis.</summary>
    public string InstanceName { get; set; } = "pirisite:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
