using System.Globalization;
using System.Security.Claims;
using CsvHelper;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>The inbox's filtered list as CSV for a spreadsheet; every export is audited (by count, never by content).</summary>
public sealed class LeadExportService(SiteDbContext db, AuditLog audit, TimeProvider clock, IOptions<LeadsOptions> options)
{
    /// <summary>The filtered list as CSV, with every cell that a spreadsheet would run as a formula neutralised.</summary>
    /// <param name="filterDescription">The filters as the audit log records them (never the search text).</param>
    /// <param name="record">False for a HEAD request, which receives no file and so exports nothing.</param>
    public async Task<string> ExportCsvAsync(LeadQuery filter, string filterDescription, ClaimsPrincipal actor, bool record = true)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var areas = (await LeadQueries.PracticeAreasAsync(db)).ToDictionary(a => a.Key, a => a.Name);
        var selection = await LeadQueries.FilteredAsync(db, filter, now, options.Value);
        var rows = await selection.Requests.OrderByDescending(r => r.CreatedAt).ToListAsync();

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true);
        using (csv as IDisposable)
        {
            csv.WriteRecord(["Reference", "Received (Central Time)", "Status", "Name", "Phone", "Email", "Language", "Contact by", "Practice area", "Urgency", "Court date", "Assigned to", "Follow up on", "Description"]);
            foreach (var r in rows)
            {
                string?[] values =
                [
                    r.Reference, FirmTimeZone.ToFirmTime(r.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), LeadWorkflow.Label(r.Status),
                    r.FullName, r.Phone, r.Email, ContactLanguages.Label(r.PreferredLanguage), ContactMethods.Label(r.ContactMethod),
                    r.PracticeAreaKey is null ? "Not sure" : areas.GetValueOrDefault(r.PracticeAreaKey, r.PracticeAreaKey), Urgencies.Label(r.Urgency, r.CourtDate),
                    r.CourtDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.AssignedToName,
                    r.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Description,
                ];
                csv.WriteRecord(values.Select(SpreadsheetSafe).ToArray());
            }

            csv.Flush();
        }

        if (record)
        {
            await audit.RecordAsync(actor, "Consultation requests exported", $"{rows.Count} request(s)", filterDescription);
        }

        return writer.ToString();
    }

    /// <summary>
    /// A cell starting with =, +, -, @, a tab or a carriage return is run as a formula by spreadsheet programs
    /// (CSV injection); a leading apostrophe makes it plain text, as OWASP recommends.
    /// </summary>
    public static string SpreadsheetSafe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";
}
