using System.Net;
using System.Text.RegularExpressions;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// Fills the consultation form as a browser would: loads the page (getting the antiforgery cookie and
/// the form's hidden fields), then posts the fields it was given on top of a valid set.
/// </summary>
public sealed partial class ConsultationForm
{
    private readonly Dictionary<string, string> _fields;

    private ConsultationForm(Dictionary<string, string> fields) => _fields = fields;

    public static Dictionary<string, string> ValidValues() => new(StringComparer.Ordinal)
    {
        ["FullName"] = "María José Hernández",
        ["Phone"] = "(214) 555-0142",
        ["Email"] = "maria.hernandez@example.com",
        ["PreferredLanguage"] = "Spanish",
        ["ContactMethod"] = "Phone",
        ["PracticeArea"] = "immigration-court",
        ["Urgency"] = "Detained",
        ["CourtDate"] = "",
        ["Description"] = "My brother was detained by ICE this morning after a traffic stop in Irving.",
        ["Acknowledged"] = "true",
    };

    /// <summary>Loads the page at <paramref name="path"/> and reads the form's hidden fields and antiforgery token.</summary>
    public static async Task<ConsultationForm> LoadAsync(HttpClient client, string path = "/consultation")
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(path);
        var fields = HiddenFields(html);

        // A cached page's short form gets its own values from the token endpoint, as consultation.js does.
        if (TokenUrl().Match(html) is { Success: true } tokenUrl)
        {
            using var tokens = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(tokenUrl.Groups[1].Value));
            var root = tokens.RootElement;
            fields[root.GetProperty("formFieldName").GetString()!] = root.GetProperty("token").GetString()!;
            fields["IdempotencyKey"] = root.GetProperty("idempotencyKey").GetString()!;
            fields["ShownAt"] = root.GetProperty("shownAt").GetString()!;
        }

        if (string.IsNullOrEmpty(fields.GetValueOrDefault("__RequestVerificationToken")))
        {
            throw new InvalidOperationException($"No consultation form with an antiforgery token on {path}.");
        }

        return new ConsultationForm(fields);
    }

    /// <summary>The form on a page already loaded (one shown again after a post).</summary>
    public static ConsultationForm FromPage(string html) => new(HiddenFields(html));

    private static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (Attribute(tag, "type") == "hidden" && Attribute(tag, "name") is { } name)
            {
                fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
            }
        }

        return fields;
    }

    public string this[string name] => _fields[name];

    public HttpContent Content(IDictionary<string, string>? values = null, params string[] omit)
    {
        var all = new Dictionary<string, string>(_fields, StringComparer.Ordinal);
        foreach (var (key, value) in values ?? ValidValues())
        {
            all[key] = value;
        }

        foreach (var name in omit)
        {
            all.Remove(name);
        }

        return new FormUrlEncodedContent(all);
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, IDictionary<string, string>? values = null, params string[] omit) =>
        client.PostAsync("/consultation", Content(values, omit));

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("data-token-url=\"([^\"]+)\"")]
    private static partial Regex TokenUrl();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();
}
