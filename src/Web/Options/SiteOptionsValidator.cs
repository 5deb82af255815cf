namespace PiriSite.Web.Options;

/// <summary>
/// Refuses to start without a usable <see cref="SiteOptions.PublicBaseUrl"/>: an absolute http(s) address with no
/// path, query or fragment. There is deliberately no fallback to the request's Host header.
/// </summary>
public sealed class SiteOptionsValidator : IValidateOptions<SiteOptions>
{
    private const string Setting = $"{SiteOptions.SectionName}:{nameof(SiteOptions.PublicBaseUrl)}";
    private const string EnvironmentVariable = $"{SiteOptions.SectionName}__{nameof(SiteOptions.PublicBaseUrl)}";
    private const string Example = "https://www.example.com";

    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = Check(options.PublicBaseUrl);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }

    /// <summary>The public address as a URI, for callers that need its parts (the host, for AllowedHosts).</summary>
    public static Uri Parse(SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Check(options.PublicBaseUrl) is { } error
            ? throw new OptionsValidationException(SiteOptions.SectionName, typeof(SiteOptions), [error])
            : new Uri(options.PublicOrigin, UriKind.Absolute);
    }

    private static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{Setting} is not set. Set it to the site's public address, e.g. {Example} (environment variable "
                + $"{EnvironmentVariable}): every link in emails, canonical links, the sitemap and the feed use it, and "
                + "requests for any other host name are refused.";
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return $"{Setting} (environment variable {EnvironmentVariable}) must be an absolute http or https address "
                + $"with no path, query or fragment, e.g. {Example}; it is \"{value}\".";
        }

        return null;
    }
}
