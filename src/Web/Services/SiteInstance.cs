namespace PiriSite.Web.Services;

/// <summary>Who this running copy of the site is, among several behind a proxy.</summary>
public sealed class SiteInstance(IOptions<SiteOptions> options)
{
    /// <summary>The configured <see cref="SiteOptions.InstanceName"/>, else the machine's name and the process id.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceName)
        ? $"{Environment.MachineName}-{Environment.ProcessId}"
        : options.Value.InstanceName.Trim();

    /// <summary>
    /// Unique to this process even when two instances are given the same name by mistake: what a claim on shared work
    /// (an outbox message's lease) records as its owner.
    /// </summary>
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
}
