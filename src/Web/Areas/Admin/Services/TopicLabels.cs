namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>What the audit log says of a topic and its changes, in the staff area's English.</summary>
public static class TopicLabels
{
    /// <summary>"Asylum (topic)": the topic by its English name.</summary>
    public static string Target(string englishName) => $"{englishName} (topic)";

    /// <summary>"English: Asylum (asylum); Spanish: Asilo (asilo); …"</summary>
    public static string Names(TopicGroup topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return string.Join("; ", topic.Languages.Select(l => $"{ContentLabels.Language(l.Culture)}: {l.Name} ({l.Slug})"));
    }

    /// <summary>What a save changes in one language: "Spanish name “Asilo” → “Asilo político”", an address, the description.</summary>
    public static IEnumerable<string> Changes(Topic row, TopicLanguageValues next)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(next);
        var language = ContentLabels.Language(row.Culture);
        if (row.Name != next.Name)
        {
            yield return $"{language} name “{row.Name}” → “{next.Name}”";
        }

        if (row.Slug != next.Slug)
        {
            yield return $"{language} address {row.Slug} → {next.Slug}";
        }

        if (row.Description != next.Description)
        {
            yield return $"{language} description changed";
        }
    }
}
