using System.Globalization;

namespace PiriSite.Domain.Content;

/// <summary>One language's words of a topic as staff typed them: nothing trusted yet.</summary>
public sealed record TopicLanguageSubmission(string Culture, string? Name, string? Slug, string? Description);

/// <summary>A topic in every language as the topic form posted it; <see cref="DisplayOrder"/> empty puts it last.</summary>
public sealed record TopicSubmission(IReadOnlyList<TopicLanguageSubmission> Languages, string? DisplayOrder);

public sealed record TopicLanguageValues(string Culture, string Name, string Slug, string Description);

/// <summary>A valid topic: its words in each supported language, English first; <see cref="DisplayOrder"/> null puts it last.</summary>
public sealed record TopicValues(IReadOnlyList<TopicLanguageValues> Languages, int? DisplayOrder);

/// <summary>The rules of the topic form: a name in every language, a valid address, short descriptions. Every message names what to change.</summary>
public static class TopicRules
{
    public const int DisplayOrderMax = 100_000;

    /// <summary>The form field of one language's name, address or description ("Name-es"): errors are keyed by it.</summary>
    public static string Field(string field, string culture) => $"{field}-{culture}";

    public static (TopicValues? Values, IReadOnlyDictionary<string, string> Errors) Validate(TopicSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var languages = new List<TopicLanguageValues>();
        foreach (var culture in SiteCulture.Supported)
        {
            var posted = submission.Languages.FirstOrDefault(l => l.Culture == culture);
            var language = LanguageName(culture);
            var name = (posted?.Name ?? "").Trim();
            if (name.Length == 0)
            {
                errors[Field("Name", culture)] = $"Enter the topic's name in {language}.";
            }
            else if (name.Length > Topic.NameMaxLength)
            {
                errors[Field("Name", culture)] = $"Shorten the {language} name to {Topic.NameMaxLength} characters or fewer.";
            }

            var slug = (posted?.Slug ?? "").Trim();
            if (slug.Length == 0)
            {
                slug = Slug.FromTitle(name);
            }

            if (!Slug.IsValid(slug) && !errors.ContainsKey(Field("Name", culture)))
            {
                errors[Field("Slug", culture)] = $"Use lower-case letters, digits and single hyphens only in the {language} address, such as \"asylum\" (at most {Slug.MaxLength} characters).";
            }

            var description = (posted?.Description ?? "").Trim();
            if (description.Length > Topic.DescriptionMaxLength)
            {
                errors[Field("Description", culture)] = $"Shorten the {language} description to {Topic.DescriptionMaxLength} characters or fewer (it has {description.Length:N0}).";
            }

            languages.Add(new(culture, name, slug, description));
        }

        int? order = null;
        if (!string.IsNullOrWhiteSpace(submission.DisplayOrder))
        {
            if (int.TryParse(submission.DisplayOrder.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= DisplayOrderMax)
            {
                order = number;
            }
            else
            {
                errors[nameof(submission.DisplayOrder)] = $"Enter a whole number from 0 to {DisplayOrderMax:N0} (lower comes first), or leave it empty to put the topic last.";
            }
        }

        return errors.Count > 0 ? (null, errors) : (new TopicValues(languages, order), errors);
    }

    // The language's name in the staff area's English (as ContentLabels.Language says it in the web project).
    private static string LanguageName(string culture) => culture switch
    {
        SiteCulture.Spanish => "Spanish",
        SiteCulture.French => "French",
        _ => "English",
    };
}
