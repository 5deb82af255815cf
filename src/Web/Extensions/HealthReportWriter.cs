using System.Globalization;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PiriSite.Web.Extensions;

/// <summary>
/// /healthz as plain text: the overall word on the first line (what a load balancer or a monitor reads), then one
/// line per check (database, outbox, and Redis when configured) with its own word and the site's own description.
/// Exception messages are never written: they can name servers and settings.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {entry.Status}");
            // A check that failed with an exception carries its message as the description: left out.
            if (entry.Exception is null && !string.IsNullOrEmpty(entry.Description))
            {
                text.Append(" (").Append(entry.Description).Append(')');
            }

            text.Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
